import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { SmsRecordsView } from "@/components/sms/sms-records-view";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("smsRecords"))("title") };
}

export default async function SmsRecordsPage() {
  await requireCompanyPermission("sms.manage");
  await prefetch(trpc.sms.messages.queryOptions({ page: 1, pageSize: 20 }));
  const t = await getTranslations("smsRecords");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} hint={t("hint")} />
      <HydrateClient>
        <SmsRecordsView />
      </HydrateClient>
    </div>
  );
}
