"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { ArrowLeft } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { QualificationStatusBadge } from "@/components/onboarding/qualification-status-badge";
import { useTRPC } from "@/components/trpc/client";
import { ApproveDialog } from "./approve-dialog";
import { ClinicOpeningCard } from "./clinic-opening-card";
import { DocumentPreview } from "./document-preview";
import { RejectDialog } from "./reject-dialog";
import { ReviewHistory } from "./review-history";

/** One application under review: applicant, the four documents, the decision, clinic opening and the history. */
export function ApplicationDetail({ id }: { id: string }) {
  const t = useTranslations("qualificationReview");
  const tcommon = useTranslations("common");
  const format = useFormatter();
  const trpc = useTRPC();
  const query = useQuery(trpc.qualificationReview.byId.queryOptions({ id }));
  if (query.isPending) return <Skeleton className="h-[32rem] w-full" />;
  if (!query.data) return <p className="text-sm text-destructive">{query.error?.message ?? t("notFound")}</p>;
  const a = query.data;
  const time = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const rows: [string, React.ReactNode][] = [
    [t("tenantName"), a.company.name],
    [t("companyNameApplied"), a.companyName],
    [t("applicantName"), a.applicantName],
    [t("applicantMobile"), <span key="mobile" className="font-mono">{a.applicantMobile}</span>],
    [t("termsAcceptedAt"), time(a.termsAcceptedAt)],
    [t("submittedAt"), time(a.submittedAt)],
    [t("reviewedAt"), a.reviewedAt ? `${time(a.reviewedAt)}${a.reviewer ? ` · ${a.reviewer.name}` : ""}` : "—"],
  ];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <Button asChild variant="ghost" size="icon" aria-label={t("back")}>
            <Link href="/platform/qualifications">
              <ArrowLeft />
            </Link>
          </Button>
          <h1 className="text-xl font-semibold">{a.company.name}</h1>
          <QualificationStatusBadge status={a.status} />
        </div>
        {a.status === "pending" && (
          <div className="flex items-center gap-2">
            <RejectDialog applicationId={a.id} />
            <ApproveDialog applicationId={a.id} clinics={a.company.clinics} />
          </div>
        )}
      </div>

      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          <Card>
            <CardHeader>
              <CardTitle className="text-base">{t("documentsTitle")}</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4 sm:grid-cols-2">
              {a.documents.map((d) => (
                <DocumentPreview key={d.id} doc={d} />
              ))}
            </CardContent>
          </Card>
          <ReviewHistory entries={a.history} />
        </div>
        <div className="space-y-4">
          <Card>
            <CardHeader>
              <CardTitle className="text-base">{t("applicationInfo")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
                {rows.map(([k, v]) => (
                  <div key={k} className="contents">
                    <dt className="text-muted-foreground">{k}</dt>
                    <dd className="break-all">{v}</dd>
                  </div>
                ))}
              </dl>
              {a.status === "rejected" && a.rejectReason && (
                <p className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
                  {tcommon("labelValue", { label: t("rejectReason"), value: a.rejectReason })}
                </p>
              )}
            </CardContent>
          </Card>
          <ClinicOpeningCard clinics={a.company.clinics} editable={a.status === "approved"} />
        </div>
      </div>
    </div>
  );
}
