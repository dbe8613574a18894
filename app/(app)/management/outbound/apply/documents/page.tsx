import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { XCircle } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/shell/page-header";
import { OnboardingSteps } from "@/components/onboarding/onboarding-steps";
import { QualificationDocumentsForm } from "@/components/onboarding/qualification-documents-form";
import { SampleLinks } from "@/components/onboarding/sample-links";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("onboarding"))("documentsTitle") };
}

export default async function DocumentsPage() {
  await requireCompanyPermission("outbound.onboarding.manage");
  const [mine, t] = await Promise.all([getQueryClient().fetchQuery(trpc.qualification.mine.queryOptions()), getTranslations("onboarding")]);
  const app = mine.application;
  if (!app) redirect("/management/outbound/apply");
  if (!app.editable) redirect("/management/outbound");
  return (
    <div className="space-y-4">
      <PageHeader title={t("documentsTitle")} hint={t("documentsHint")} actions={<SampleLinks />} />
      {app.status === "rejected" && app.rejectReason && (
        <Alert variant="destructive" data-testid="reject-reason">
          <XCircle className="size-4" />
          <AlertTitle>{t("rejectedTitle")}</AlertTitle>
          <AlertDescription>{t("rejectReason", { reason: app.rejectReason })}</AlertDescription>
        </Alert>
      )}
      <Card>
        <CardContent className="space-y-8 py-2">
          <OnboardingSteps current={1} />
          <HydrateClient>
            <QualificationDocumentsForm />
          </HydrateClient>
        </CardContent>
      </Card>
    </div>
  );
}
