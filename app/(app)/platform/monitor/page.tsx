import { getTranslations } from "next-intl/server";
import { PlatformMonitor } from "@/components/outbound/platform-monitor";
import { PageHeader } from "@/components/shell/page-header";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requirePlatformAdmin } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("monitor"))("platformTitle") };
}

/** 平台实时监控: every company's seats, dials, live calls, holds and alerts (platform admins). */
export default async function PlatformMonitorPage() {
  await requirePlatformAdmin();
  await prefetch(trpc.monitor.platform.queryOptions());
  const t = await getTranslations("monitor");
  return (
    <div className="space-y-4">
      <PageHeader title={t("platformTitle")} hint={t("platformHint")} />
      <HydrateClient>
        <PlatformMonitor />
      </HydrateClient>
    </div>
  );
}
