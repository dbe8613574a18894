import { getTranslations } from "next-intl/server";
import { ScriptFunnelsView } from "@/components/outcomes/script-funnels-view";
import { PageHeader } from "@/components/shell/page-header";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";
import { can } from "@/server/domain/auth/permissions";
import { OutcomesOverview } from "@/components/outcomes/outcomes-overview";
import { AbTestsSection } from "@/components/outcomes/ab-tests-section";
import { OutcomeSettingsDialog } from "@/components/outcomes/outcome-settings-dialog";

export async function generateMetadata() {
  return { title: (await getTranslations("outcomes"))("title") };
}

/** 效果分析: what each script brought in — calls to visits, revenue and the cost per visit. */
export default async function OutcomesPage() {
  const viewer = await requireCompanyPermission("outbound.view");
  const t = await getTranslations("outcomes");
  await Promise.all([prefetch(trpc.outcomes.scriptFunnels.queryOptions()), prefetch(trpc.outcomes.abTests.queryOptions())]);
  return (
    <div className="space-y-4">
      <HydrateClient>
        <PageHeader title={t("title")} actions={<OutcomeSettingsDialog canManage={can(viewer, "outbound.tasks.manage")} />} />
        <OutcomesOverview />
        <ScriptFunnelsView />
        <AbTestsSection canEnd={can(viewer, "outbound.scripts.manage")} />
      </HydrateClient>
    </div>
  );
}
