import { getTranslations } from "next-intl/server";
import { BatchListView } from "@/components/batch-call/batch-list-view";
import { OutboundTabs } from "@/components/scripts/outbound-tabs";
import { PageHeader } from "@/components/shell/page-header";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireOutboundPage } from "@/server/auth/require-outbound-page";
import { can } from "@/server/domain/auth/permissions";

export async function generateMetadata() {
  return { title: (await getTranslations("batches"))("title") };
}

/** 【智能外呼】-外呼批次: every batch launched from 患者管理, with its progress and 暂停 / 继续 / 取消. */
export default async function BatchesPage() {
  const viewer = await requireOutboundPage("outbound.view");
  await prefetch(trpc.batchCall.list.queryOptions({ page: 1, pageSize: 20 }));
  const t = await getTranslations("batches");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} hint={t("hint")} />
      <OutboundTabs />
      <HydrateClient>
        <BatchListView canManage={can(viewer, "outbound.tasks.manage")} canViewRecords={can(viewer, "outbound.records.view")} />
      </HydrateClient>
    </div>
  );
}
