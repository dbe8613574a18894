import { getTranslations } from "next-intl/server";
import { FollowUpRecordsView } from "@/components/timeline/follow-up-records-view";
import { FollowUpTabs } from "@/components/timeline/follow-up-tabs";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("followUps"))("title") };
}

export default async function FollowUpRecordsPage() {
  await requireCompanyPermission("followUps.view");
  const t = await getTranslations("followUps");
  await prefetch(trpc.clinics.list.queryOptions());
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <FollowUpTabs active="records" />
      </div>
      <HydrateClient>
        <FollowUpRecordsView until={new Date()} />
      </HydrateClient>
    </div>
  );
}
