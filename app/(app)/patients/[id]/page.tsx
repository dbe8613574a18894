import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PatientActivity } from "@/components/timeline/patient-activity";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("patientDetail"))("activity") };
}

/** 客户中心: a patient's profile, 客户动态 (with 跟进 = 回访 / 随访 / 智能外呼) and 回随访任务. */
export default async function PatientDetailPage({ params }: { params: Promise<{ id: string }> }) {
  await requireCompanyPermission("patients.view");
  const { id } = await params;
  const [t, tp, tcommon] = await Promise.all([getTranslations("patientDetail"), getTranslations("patients"), getTranslations("common")]);
  const patient = await getQueryClient()
    .fetchQuery(trpc.patients.byId.queryOptions({ id }))
    .catch(() => null);
  if (!patient) notFound();
  const fields: [string, React.ReactNode][] = [
    [t("gender"), tp(`gender_${patient.gender}`)],
    [t("mobile"), patient.mobile ? `${patient.mobile}${patient.hasOwnMobile ? "" : tcommon("parenthetical", { note: t("notOwnMobile") })}` : tp("noMobile")],
    [t("medicalRecordNo"), patient.medicalRecordNo ?? "—"],
    [t("clinic"), patient.clinic.shortName],
    [t("consultant"), patient.consultant?.name ?? "—"],
    [t("onlineConsultant"), patient.onlineConsultant?.name ?? "—"],
  ];
  return (
    <div className="space-y-4">
      <Link href="/patients" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" /> {t("back")}
      </Link>
      <Card>
        <CardHeader>
          <CardTitle className="flex flex-wrap items-center gap-2 text-xl" data-testid="patient-name">
            {patient.name}
            <Badge variant={patient.registered ? "secondary" : "outline"}>{patient.registered ? tp("yes") : tp("no")}</Badge>
            {patient.tags.map((tag) => (
              <Badge key={tag} variant="outline">
                {tag}
              </Badge>
            ))}
          </CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
            {fields.map(([label, value]) => (
              <div key={label} className="space-y-0.5">
                <dt className="text-xs text-muted-foreground">{label}</dt>
                <dd className="font-medium">{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <HydrateClient>
            <PatientActivity patientId={patient.id} />
          </HydrateClient>
        </CardContent>
      </Card>
    </div>
  );
}
