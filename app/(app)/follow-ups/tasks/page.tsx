import { getTranslations } from "next-intl/server";
import { FollowUpTabs } from "@/components/timeline/follow-up-tabs";
import { FollowUpTasksView } from "@/components/timeline/follow-up-tasks-view";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("followUps"))("tasksTitle") };
}

/** 任务中心-执行回/随访. */
export default async function FollowUpTasksPage() {
  await requireCompanyPermission("followUps.view");
  const t = await getTranslations("followUps");
  await prefetch(trpc.followUps.tasks.queryOptions({ kind: undefined, reason: undefined, status: "pending", mine: false, overdue: false, now: undefined, page: 1 }));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <FollowUpTabs active="tasks" />
      </div>
      <HydrateClient>
        <FollowUpTasksView now={Date.now()} />
      </HydrateClient>
    </div>
  );
}
