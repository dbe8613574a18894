import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LiveMonitor } from "@/components/outbound/live-monitor";
import { PageHeader } from "@/components/shell/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";
import { can } from "@/server/domain/auth/permissions";

export async function generateMetadata() {
  return { title: (await getTranslations("monitor"))("scriptTitle", { name: "" }) };
}

/** 实时监控 of one script: its seats, its live calls, why it is not dialing and its per-minute chart, pushed like the company's. */
export default async function ScriptMonitorPage({ params }: { params: Promise<{ scriptId: string }> }) {
  const viewer = await requireCompanyPermission("outbound.view");
  const { scriptId } = await params;
  const t = await getTranslations("monitor");
  const snapshot = await getQueryClient()
    .fetchQuery(trpc.monitor.snapshot.queryOptions({ scriptId }))
    .catch(() => null);
  if (!snapshot?.script) notFound();
  return (
    <div className="space-y-4">
      <PageHeader title={t("scriptTitle", { name: snapshot.script.name })} />
      <Link href="/management/outbound/monitor" className="text-sm text-muted-foreground underline-offset-4 hover:underline" data-testid="monitor-back">
        {t("backToCompany")}
      </Link>
      <HydrateClient>
        <LiveMonitor canManage={can(viewer, "outbound.tasks.manage")} scriptId={scriptId} />
      </HydrateClient>
    </div>
  );
}
