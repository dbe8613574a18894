import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ManagedScriptDetail } from "@/components/outbound/managed-script-detail";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { requireOutboundPage } from "@/server/auth/require-outbound-page";
import { can } from "@/server/domain/auth/permissions";

export async function generateMetadata() {
  return { title: (await getTranslations("outboundManagement"))("detail") };
}

/** 外呼管理 → 【详情】. */
export default async function ManagedScriptDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireOutboundPage("outbound.view");
  const { id } = await params;
  const found = await getQueryClient()
    .fetchQuery(trpc.outboundManagement.detail.queryOptions({ id }))
    .catch(() => null);
  if (!found) notFound();
  return (
    <HydrateClient>
      <ManagedScriptDetail
        scriptId={id}
        canManage={can(viewer, "outbound.tasks.manage")} canViewRecords={can(viewer, "outbound.records.view")}
        canConfigure={can(viewer, "outbound.scripts.manage")}
      />
    </HydrateClient>
  );
}
