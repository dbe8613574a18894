import { getTranslations } from "next-intl/server";
import { JourneyList } from "@/components/journeys/journey-list";
import { JourneysNav } from "@/components/journeys/journeys-nav";
import { PageHeader } from "@/components/shell/page-header";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("journeys"))("title") };
}

export default async function JourneysPage() {
  await requireCompanyPermission("journeys.manage");
  await Promise.all([
    prefetch(trpc.journeys.list.queryOptions()),
    prefetch(trpc.journeys.dashboard.queryOptions()),
    prefetch(trpc.clinics.list.queryOptions()),
  ]);
  const t = await getTranslations("journeys");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} hint={t("hint")} />
      <JourneysNav />
      <HydrateClient>
        <JourneyList />
      </HydrateClient>
    </div>
  );
}
