import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/shell/page-header";
import { ApplicantForm } from "@/components/onboarding/applicant-form";
import { OnboardingSteps } from "@/components/onboarding/onboarding-steps";
import { getQueryClient, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("onboarding"))("formTitle") };
}

export default async function ApplyPage() {
  await requireCompanyPermission("outbound.onboarding.manage");
  const [mine, t] = await Promise.all([getQueryClient().fetchQuery(trpc.qualification.mine.queryOptions()), getTranslations("onboarding")]);
  const app = mine.application;
  if (app && !app.editable) redirect("/management/outbound");
  const initial = app
    ? { applicantName: app.applicantName, applicantMobile: app.applicantMobile, companyName: app.companyName, termsAccepted: Boolean(app.termsAcceptedAt) }
    : { ...mine.defaults, termsAccepted: false };
  return (
    <div className="space-y-4">
      <PageHeader title={t("formTitle")} hint={t("formHint")} />
      <Card>
        <CardContent className="space-y-8 py-2">
          <OnboardingSteps current={0} />
          <ApplicantForm initial={initial} />
        </CardContent>
      </Card>
    </div>
  );
}
