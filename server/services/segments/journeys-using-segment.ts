import type { Tx } from "@/server/db/create-client";

/** Names of the (not ended) journeys whose entry node uses each segment. */
export async function journeysUsingSegment(db: Tx, companyId: string, segmentIds: string[]) {
  const out = new Map<string, string[]>();
  if (segmentIds.length === 0) return out;
  const nodes = await db.journeyNode.findMany({
    where: {
      kind: "entry",
      journey: { companyId, status: { not: "ended" } },
      OR: segmentIds.map((id) => ({ config: { path: ["segmentId"], equals: id } })),
    },
    select: { config: true, journey: { select: { name: true } } },
  });
  for (const n of nodes) {
    const id = (n.config as { segmentId?: string }).segmentId;
    if (!id) continue;
    out.set(id, [...(out.get(id) ?? []), n.journey.name]);
  }
  return out;
}
