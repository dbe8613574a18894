import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OutboundTabs } from "@/components/scripts/outbound-tabs";
import { ScriptEditor } from "@/components/scripts/script-editor";
import { ScriptStatusBadge } from "@/components/scripts/script-status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireOutboundPage } from "@/server/auth/require-outbound-page";
import { can } from "@/server/domain/auth/permissions";

export async function generateMetadata() {
  return { title: (await getTranslations("scripts"))("editTitle") };
}

/** One script: editable with 配置话术 unless stopped; otherwise read-only. Another company's id is a 404. */
export default async function ScriptPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireOutboundPage("outbound.view");
  const { id } = await params;
  const script = await getQueryClient()
    .fetchQuery(trpc.scripts.byId.queryOptions({ id }))
    .catch(() => null);
  if (!script) notFound();
  const canManage = can(viewer, "outbound.scripts.manage");
  await Promise.all([
    prefetch(trpc.scripts.templates.queryOptions({ kind: script.kind })),
    prefetch(trpc.scripts.voices.queryOptions()),
    prefetch(trpc.scripts.clinics.queryOptions()),
    ...(canManage ? [prefetch(trpc.scripts.smsOptions.queryOptions())] : []),
  ]);
  const t = await getTranslations("scripts");
  const editable = canManage && script.status !== "stopped";
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${editable ? t("editTitle") : t("viewTitle")} · ${script.name}`}
        actions={<ScriptStatusBadge status={script.status} pauseReason={script.pauseReason} />}
      />
      <OutboundTabs />
      <HydrateClient>
        <ScriptEditor kind={script.kind} scriptId={script.id} canManage={canManage} />
      </HydrateClient>
    </div>
  );
}
