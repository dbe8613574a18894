import type { Tx } from "@/server/db/create-client";
import { Prisma } from "@/server/generated/prisma/client";
import { resolveSegment, type EvaluationClock } from "@/server/domain/segments/resolve-segment";
import type { SegmentDefinition } from "@/server/domain/segments/segment-definition";
import { segmentWhere } from "./segment-sql";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";

/** Which patients a segment evaluation may see: the company, and only these clinics. */
export interface SegmentScope {
  companyId: string;
  clinicIds: readonly string[];
}

export async function countSegmentPatients(db: Tx, scope: SegmentScope, def: SegmentDefinition, clock: EvaluationClock) {
  if (scope.clinicIds.length === 0) return 0;
  const where = segmentWhere(scope.companyId, scope.clinicIds, resolveSegment(def, clock));
  const rows = await db.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM "Patient" p WHERE ${where}`);
  return rows[0]?.n ?? 0;
}

/** The patients in a segment, ordered by id (stable across a resumed run). */
export async function listSegmentPatientIds(db: Tx, scope: SegmentScope, def: SegmentDefinition, clock: EvaluationClock) {
  if (scope.clinicIds.length === 0) return [];
  const where = segmentWhere(scope.companyId, scope.clinicIds, resolveSegment(def, clock));
  const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT p.id FROM "Patient" p WHERE ${where} ORDER BY p.id`);
  return rows.map((r) => r.id);
}

/** A few matching patients for the editor's preview. */
export async function sampleSegmentPatients(db: Tx, scope: SegmentScope, def: SegmentDefinition, clock: EvaluationClock, limit = 5) {
  if (scope.clinicIds.length === 0) return [];
  const where = segmentWhere(scope.companyId, scope.clinicIds, resolveSegment(def, clock));
  return db.$queryRaw<{ id: string; name: string }[]>(
    Prisma.sql`SELECT p.id, p.name FROM "Patient" p WHERE ${where} ORDER BY p."createdAt" DESC, p.id LIMIT ${limit}`,
  );
}

/** The time zone relative segment dates are counted in: the given clinic's, else the first allowed clinic's. */
export async function evaluationZone(db: Tx, companyId: string, clinicIds: readonly string[], clinicId?: string | null) {
  const clinic = await db.clinic.findFirst({
    where: { companyId, id: clinicId ? clinicId : { in: [...clinicIds] } },
    orderBy: { createdAt: "asc" },
    select: { timezone: true },
  });
  return clinic?.timezone ?? DEFAULT_TIME_ZONE;
}
