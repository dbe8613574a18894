import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { AppError } from "@/server/errors";

export interface SegmentUsage {
  /** Names of the caller's (not ended) journeys whose entry node uses the segment. */
  names: string[];
  /** Whether a (not ended) journey of a clinic outside the caller's scope uses it: then it is read-only to them. */
  elsewhere: boolean;
}

/**
 * Who uses each segment. Segments are company-wide, but a journey belongs to one clinic: a clinic admin sees only the
 * names of their clinics' journeys, and only learns that some other journey depends on the segment.
 */
export async function journeysUsingSegment(db: Tx, scope: Scope, segmentIds: string[]) {
  const out = new Map<string, SegmentUsage>();
  if (segmentIds.length === 0) return out;
  const nodes = await db.journeyNode.findMany({
    where: {
      kind: "entry",
      journey: { companyId: scope.companyId, status: { not: "ended" } },
      OR: segmentIds.map((id) => ({ config: { path: ["segmentId"], equals: id } })),
    },
    select: { config: true, journey: { select: { name: true, clinicId: true } } },
  });
  for (const n of nodes) {
    const id = (n.config as { segmentId?: string }).segmentId;
    if (!id) continue;
    const usage = out.get(id) ?? { names: [], elsewhere: false };
    if (n.journey.clinicId && !scope.clinicIds.includes(n.journey.clinicId)) usage.elsewhere = true;
    else usage.names.push(n.journey.name);
    out.set(id, usage);
  }
  return out;
}

export const SEGMENT_USED_ELSEWHERE = "该人群正被您无权管理的门店的旅程使用，只能查看，不能修改或删除";

/** Changing a segment changes who other clinics' journeys call: refused unless every journey using it is the caller's. */
export async function assertManagesSegment(db: Tx, scope: Scope, segmentId: string) {
  const usage = (await journeysUsingSegment(db, scope, [segmentId])).get(segmentId);
  if (usage?.elsewhere) throw new AppError("FORBIDDEN", SEGMENT_USED_ELSEWHERE);
  return usage ?? { names: [], elsewhere: false };
}
