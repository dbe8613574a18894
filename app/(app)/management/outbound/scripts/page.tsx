import { getTranslations } from "next-intl/server";
import { OutboundTabs } from "@/components/scripts/outbound-tabs";
import { ScriptListView } from "@/components/scripts/script-list-view";
import { PageHeader } from "@/components/shell/page-header";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireOutboundPage } from "@/server/auth/require-outbound-page";
import { can } from "@/server/domain/auth/permissions";

export async function generateMetadata() {
  return { title: (await getTranslations("scripts"))("title") };
}

/** 【管理】-【诊所管理】-【智能外呼】-话术管理: AI话术 and 固定模版话术. */
export default async function ScriptsPage({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  const viewer = await requireOutboundPage("outbound.view");
  const kind = (await searchParams).tab === "fixed" ? "fixed" : "ai";
  await prefetch(trpc.scripts.list.queryOptions({ kind, page: 1, pageSize: 20 }));
  const t = await getTranslations("scripts");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} hint={t("hint")} />
      <OutboundTabs />
      <HydrateClient>
        <ScriptListView
          key={kind}
          kind={kind}
          canManage={can(viewer, "outbound.scripts.manage")}
          canManageTasks={can(viewer, "outbound.tasks.manage")}
        />
      </HydrateClient>
    </div>
  );
}
