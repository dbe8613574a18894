import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { JourneyEditor } from "@/components/journeys/editor/journey-editor";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";

export async function generateMetadata() {
  return { title: (await getTranslations("journeys"))("editorTitle") };
}

export default async function JourneyPage({ params }: { params: Promise<{ id: string }> }) {
  await requireCompanyPermission("journeys.manage");
  const { id } = await params;
  await Promise.all([
    prefetch(trpc.journeys.byId.queryOptions({ id })),
    prefetch(trpc.segments.list.queryOptions()),
    prefetch(trpc.journeys.scripts.queryOptions({ journeyId: id })),
  ]);
  // Another company's (or a missing) journey is a 404, like any other tenant's row.
  if (!getQueryClient().getQueryData(trpc.journeys.byId.queryKey({ id }))) notFound();
  return (
    <HydrateClient>
      <JourneyEditor journeyId={id} />
    </HydrateClient>
  );
}
