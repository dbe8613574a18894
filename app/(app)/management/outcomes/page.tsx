import { getTranslations } from "next-intl/server";
import { ScriptFunnelsView } from "@/components/outcomes/script-funnels-view";
import { PageHeader } from "@/components/shell/page-header";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("outcomes"))("title") };
}

/** 效果分析: what each script brought in — calls to visits, revenue and the cost per visit. */
export default async function OutcomesPage() {
  await requireCompanyPermission("outbound.view");
  const t = await getTranslations("outcomes");
  await prefetch(trpc.outcomes.scriptFunnels.queryOptions());
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} />
      <HydrateClient>
        <ScriptFunnelsView />
      </HydrateClient>
    </div>
  );
}
