import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { ApiKeysCard } from "@/components/integrations/api-keys-card";
import { WebhooksCard } from "@/components/integrations/webhooks-card";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("integrations"))("title") };
}

export default async function IntegrationsPage() {
  await requireCompanyPermission("integrations.manage");
  await Promise.all([
    prefetch(trpc.integrations.apiKeys.queryOptions()),
    prefetch(trpc.integrations.webhooks.queryOptions()),
    prefetch(trpc.integrations.webhookDeliveries.queryOptions()),
  ]);
  const t = await getTranslations("integrations");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} hint={t("hint")} />
      <HydrateClient>
        <ApiKeysCard />
        <WebhooksCard />
      </HydrateClient>
    </div>
  );
}
