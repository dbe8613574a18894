import { getTranslations } from "next-intl/server";
import { AlertSettingsForm } from "@/components/outbound/alert-settings-form";
import { LiveMonitor } from "@/components/outbound/live-monitor";
import { PageHeader } from "@/components/shell/page-header";
import { OutboundTabs } from "@/components/scripts/outbound-tabs";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";
import { can } from "@/server/domain/auth/permissions";

export async function generateMetadata() {
  return { title: (await getTranslations("monitor"))("title") };
}

/** 实时监控 (issue 27): seats, dials, calls in progress and why a script is not dialing, pushed to the page. */
export default async function MonitorPage() {
  const viewer = await requireCompanyPermission("outbound.view");
  const t = await getTranslations("monitor");
  const canManage = can(viewer, "outbound.tasks.manage");
  await prefetch(trpc.monitor.snapshot.queryOptions({}));
  if (canManage) await prefetch(trpc.monitor.alertSettings.queryOptions());
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} />
      <OutboundTabs />
      <HydrateClient>
        <LiveMonitor canManage={canManage} />
        {canManage ? <AlertSettingsForm /> : null}
      </HydrateClient>
    </div>
  );
}
