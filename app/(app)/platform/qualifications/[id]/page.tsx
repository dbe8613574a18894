import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApplicationDetail } from "@/components/qualification-review/application-detail";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { requirePlatformAdmin } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("qualificationReview"))("detailTitle") };
}

export default async function QualificationDetailPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePlatformAdmin();
  const { id } = await params;
  try {
    await getQueryClient().fetchQuery(trpc.qualificationReview.byId.queryOptions({ id }));
  } catch {
    notFound();
  }
  return (
    <HydrateClient>
      <ApplicationDetail id={id} />
    </HydrateClient>
  );
}
