import { Prisma } from "@/server/generated/prisma/client";
import type { ResolvedCondition, ResolvedSegment } from "@/server/domain/segments/resolve-segment";

/**
 * Compiles a resolved segment into a parameterised WHERE clause over `"Patient" p`. Every value goes in as a bound
 * parameter (Prisma.sql), never spliced into the text. Conditions on related rows are uncorrelated
 * `p.id IN (SELECT "patientId" …)` over the company's rows: PostgreSQL turns them into semi-joins under 且 and into
 * hashed sub-plans under 或, so evaluation stays one statement that scales with the rows, not rows × patients.
 */
export function segmentWhere(companyId: string, clinicIds: readonly string[], segment: ResolvedSegment): Prisma.Sql {
  const scope = Prisma.sql`p."companyId" = ${companyId} AND p."clinicId" = ANY(${[...clinicIds]}::text[])`;
  if (segment.conditions.length === 0) return scope;
  const parts = segment.conditions.map((c) => conditionSql(c, companyId));
  const joined = Prisma.join(parts, segment.match === "all" ? " AND " : " OR ");
  return Prisma.sql`${scope} AND (${joined})`;
}

export function conditionSql(c: ResolvedCondition, companyId: string): Prisma.Sql {
  switch (c.kind) {
    case "appointment":
      return Prisma.sql`p.id IN (SELECT a."patientId" FROM "Appointment" a
        WHERE a."companyId" = ${companyId} AND a.status = 'scheduled' AND a."startsAt" >= ${c.from} AND a."startsAt" < ${c.to}
          ${c.clinicIds.length ? Prisma.sql`AND a."clinicId" = ANY(${c.clinicIds}::text[])` : Prisma.empty})`;
    case "lastVisitBefore":
      // Has visited, and not since: the latest visit is before the date.
      return Prisma.sql`p.id IN (SELECT v."patientId" FROM "Visit" v WHERE v."companyId" = ${companyId}
        GROUP BY v."patientId" HAVING max(v."visitedAt") < ${c.before})`;
    case "deductionWithin":
      return Prisma.sql`p.id IN (SELECT d."patientId" FROM "TreatmentDeduction" d
        WHERE d."companyId" = ${companyId} AND d."performedAt" >= ${c.from} AND d."performedAt" < ${c.to})`;
    case "benefitExpiring":
      return Prisma.sql`p.id IN (SELECT b."patientId" FROM "Benefit" b
        WHERE b."companyId" = ${companyId} AND b."usedAt" IS NULL AND b."expiresAt" >= ${c.from} AND b."expiresAt" < ${c.to})`;
    case "tags":
      return c.match === "all" ? Prisma.sql`p.tags @> ${c.tags}::text[]` : Prisma.sql`p.tags && ${c.tags}::text[]`;
    case "consultant":
      return Prisma.sql`p."consultantId" = ANY(${c.consultantIds}::text[])`;
    case "clinic":
      return Prisma.sql`p."clinicId" = ANY(${c.clinicIds}::text[])`;
    case "ownMobile":
      return c.value
        ? Prisma.sql`(p."hasOwnMobile" AND p.mobile IS NOT NULL AND p.mobile <> '')`
        : Prisma.sql`NOT (p."hasOwnMobile" AND p.mobile IS NOT NULL AND p.mobile <> '')`;
  }
}
