import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { SmsPageView } from "@/components/sms/sms-page-view";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("sms"))("title") };
}

export default async function SmsPage() {
  await requireCompanyPermission("sms.manage");
  await prefetch(trpc.sms.templates.queryOptions({}));
  const t = await getTranslations("sms");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} hint={t("hint")} />
      <HydrateClient>
        <SmsPageView />
      </HydrateClient>
    </div>
  );
}
