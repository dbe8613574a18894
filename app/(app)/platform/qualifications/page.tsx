import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { VendorCapacityPanel } from "@/components/outbound/vendor-capacity-panel";
import { ApplicationQueue } from "@/components/qualification-review/application-queue";
import { parseReviewSearch } from "@/components/qualification-review/review-search";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requirePlatformAdmin } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("qualificationReview"))("title") };
}

export default async function QualificationReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePlatformAdmin();
  const input = parseReviewSearch(new URLSearchParams((await searchParams) as Record<string, string>));
  await prefetch(trpc.qualificationReview.list.queryOptions(input));
  const t = await getTranslations("qualificationReview");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} hint={t("hint")} />
      <HydrateClient>
        <VendorCapacityPanel platform />
        <ApplicationQueue />
      </HydrateClient>
    </div>
  );
}
