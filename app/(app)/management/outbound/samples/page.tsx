import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArrowLeft, ExternalLink } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/shell/page-header";
import { DocumentSample } from "@/components/onboarding/document-sample";
import { requireCompanyPermission } from "@/server/auth/viewer";
import { QUALIFICATION_DOCUMENT_KINDS, QUALIFICATION_SAMPLES_URL } from "@/server/domain/qualification/document-kinds";

export async function generateMetadata() {
  return { title: (await getTranslations("onboarding"))("samplesTitle") };
}

const REQUIREMENTS = {
  businessLicense: "sampleLicenseReq",
  legalIdFront: "sampleIdFrontReq",
  legalIdBack: "sampleIdBackReq",
  networkSecurityPledge: "samplePledgeReq",
} as const;

/** 查看材料示例: what each document should look like (the seed's online sample page is linked as well). */
export default async function SamplesPage() {
  await requireCompanyPermission("outbound.view");
  const t = await getTranslations("onboarding");
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("samplesTitle")}
        hint={t("samplesHint")}
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <a href={QUALIFICATION_SAMPLES_URL} target="_blank" rel="noopener noreferrer">
                {t("viewSamplesOnline")}
                <ExternalLink className="size-3.5" />
              </a>
            </Button>
            <Button asChild size="sm">
              <Link href="/management/outbound/apply/documents">
                <ArrowLeft className="size-3.5" />
                {t("backToApply")}
              </Link>
            </Button>
          </>
        }
      />
      <div className="grid gap-4 md:grid-cols-2">
        {QUALIFICATION_DOCUMENT_KINDS.map((kind) => (
          <Card key={kind}>
            <CardHeader>
              <CardTitle className="text-base">{t(`kind_${kind}`)}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-3">
              <DocumentSample kind={kind} watermark={t("sampleWatermark")} />
              <p className="text-sm text-muted-foreground">{t(REQUIREMENTS[kind])}</p>
            </CardContent>
          </Card>
        ))}
      </div>
    </div>
  );
}
