import { getTranslations } from "next-intl/server";
import { JourneysNav } from "@/components/journeys/journeys-nav";
import { SegmentList } from "@/components/journeys/segments/segment-list";
import { PageHeader } from "@/components/shell/page-header";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("segments"))("title") };
}

export default async function SegmentsPage() {
  await requireCompanyPermission("journeys.manage");
  await Promise.all([prefetch(trpc.segments.list.queryOptions()), prefetch(trpc.segments.options.queryOptions())]);
  const t = await getTranslations("journeys");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} hint={t("hint")} />
      <JourneysNav />
      <HydrateClient>
        <SegmentList />
      </HydrateClient>
    </div>
  );
}
