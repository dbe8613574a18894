import { getTranslations } from "next-intl/server";
import { CallRecordsView } from "@/components/call-records/call-records-view";
import { parseCallRecordSearch, summaryInput } from "@/components/call-records/call-record-search";
import { OutboundOnboardingBanner } from "@/components/onboarding/outbound-onboarding-banner";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { can } from "@/server/domain/auth/permissions";
import { loadOutboundAccess } from "@/server/services/dialer/outbound/load-outbound-access";

export async function generateMetadata() {
  return { title: (await getTranslations("callRecords"))("title") };
}

/** 话单记录: every script's calls, or one script's when reached from 【话单】 (?scriptId=…). */
export default async function CallRecordsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireCompanyPermission("outbound.records.view");
  const [t, access] = await Promise.all([getTranslations("callRecords"), loadOutboundAccess(prisma, viewer.companyId)]);
  if (access !== "approved") {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <OutboundOnboardingBanner state={access} />
      </div>
    );
  }
  const input = parseCallRecordSearch(new URLSearchParams((await searchParams) as Record<string, string>));
  await Promise.all([
    prefetch(trpc.callRecords.list.queryOptions(input)),
    prefetch(trpc.callRecords.summary.queryOptions(summaryInput(input))),
    prefetch(trpc.callRecords.filterOptions.queryOptions()),
    ...(input.scriptId ? [prefetch(trpc.callRecords.intents.queryOptions({ scriptId: input.scriptId }))] : []),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <HydrateClient>
        <CallRecordsView canPlayRecordings={can(viewer, "outbound.recordings.play")} canReanalyze={can(viewer, "outbound.tasks.manage")} />
      </HydrateClient>
    </div>
  );
}
