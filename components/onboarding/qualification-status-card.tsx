import Link from "next/link";
import { Clock, FilePenLine, XCircle } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { OnboardingSteps } from "./onboarding-steps";
import { QualificationStatusBadge } from "./qualification-status-badge";

interface Props {
  status: "draft" | "pending" | "rejected";
  submittedAt: Date | null;
  reviewedAt: Date | null;
  rejectReason: string | null;
  canApply: boolean;
}

/** Where the company's application stands, before approval: 待提交, 审核中 (1–2 working days), or 已驳回 with the reason. */
export function QualificationStatusCard({ status, submittedAt, reviewedAt, rejectReason, canApply }: Props) {
  const t = useTranslations("onboarding");
  const format = useFormatter();
  const time = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "");
  const Icon = { draft: FilePenLine, pending: Clock, rejected: XCircle }[status];
  const tone = { draft: "text-muted-foreground", pending: "text-amber-700", rejected: "text-destructive" }[status];

  return (
    <Card data-testid="qualification-status-card">
      <CardContent className="space-y-6 py-2">
        <OnboardingSteps current={status === "pending" ? 2 : 1} />
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
          <Icon className={`size-10 shrink-0 ${tone}`} aria-hidden />
          <div className="min-w-0 flex-1 space-y-2">
            <div className="flex items-center gap-2">
              <h2 className="text-lg font-semibold">{t(`${status}Title`)}</h2>
              <QualificationStatusBadge status={status} />
            </div>
            {status === "pending" && <p className="text-sm text-muted-foreground">{t("pendingBody", { time: time(submittedAt) })}</p>}
            {status === "draft" && <p className="text-sm text-muted-foreground">{t("draftBody")}</p>}
            {status === "rejected" && (
              <>
                <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="reject-reason">
                  {t("rejectReason", { reason: rejectReason ?? "" })}
                </p>
                <p className="text-sm text-muted-foreground">{t("rejectedBody")}</p>
                {reviewedAt && <p className="text-xs text-muted-foreground">{t("reviewedAt", { time: time(reviewedAt) })}</p>}
              </>
            )}
          </div>
          {canApply && status !== "pending" && (
            <Button asChild data-testid="continue-application">
              <Link href="/management/outbound/apply/documents">{t(status === "rejected" ? "fixAndResubmit" : "continue")}</Link>
            </Button>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
