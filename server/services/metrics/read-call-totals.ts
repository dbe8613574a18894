import type { Tx } from "@/server/db/create-client";
import type { CallMetricCounts } from "@/server/domain/calls/call-metrics";
import { Prisma } from "@/server/generated/prisma/client";

type Num = bigint | number | null;
export type TotalsRow = { key: string | null } & { [K in keyof CallMetricCounts]?: Num };

export interface TotalsFilter {
  companyId: string;
  clinicIds?: readonly string[];
  /** Already narrowed to the company's own scripts. */
  scriptIds?: readonly string[];
  source?: "batch" | "journey";
}

/**
 * 执行数据 and call figures from the running totals (CallDailyTotal, summed over days), grouped by script or not — a few
 * hundred rows per script and year instead of every task and call (docs/metrics.md).
 */
export function readCallTotals(db: Tx, f: TotalsFilter, byScript: boolean): Promise<TotalsRow[]> {
  const where = Prisma.join(
    [
      f.scriptIds ? Prisma.sql`d."scriptId" = ANY(${[...f.scriptIds]}::text[])` : Prisma.sql`d."companyId" = ${f.companyId}`,
      ...(f.clinicIds ? [Prisma.sql`d."clinicId" = ANY(${[...f.clinicIds]}::text[])`] : []),
      ...(f.source ? [Prisma.sql`d.source = ${f.source}::"CallTaskSource"`] : []),
    ],
    " AND ",
  );
  return db.$queryRaw<TotalsRow[]>`
    SELECT ${byScript ? Prisma.sql`CASE WHEN GROUPING(d."scriptId") = 1 THEN NULL ELSE d."scriptId" END` : Prisma.sql`NULL::text`} AS key,
      sum(d."pendingTasks") AS "pendingTasks", sum(d."interceptedTasks") AS "interceptedTasks", sum(d."failedTasks") AS "failedTasks",
      sum(d."dialedCalls") AS "dialedCalls", sum(d."answeredCalls") AS "answeredCalls", sum(d."effectiveCalls") AS "effectiveCalls",
      sum(d."answeredSeconds") AS "answeredSeconds", sum(d."failedCalls") AS "failedCalls"
    FROM "CallDailyTotal" d
    WHERE ${where}
    ${byScript ? Prisma.sql`GROUP BY GROUPING SETS ((d."scriptId"), ())` : Prisma.empty}`;
}

/**
 * 接听客户数 / 有效对话客户数 from the answered-patient rows (one a patient: per script in ScriptAnsweredPatient, over every
 * script in AnsweredPatient), so a figure is a count of rows, never of calls. A patient answered in several scripts or
 * clinics counts once in a total, as with the calls themselves; a clinic filter keeps the rows whose clinics overlap it.
 */
export function readAnsweredPatients(db: Tx, f: TotalsFilter, byScript: boolean): Promise<TotalsRow[]> {
  const inClinics = f.clinicIds ? Prisma.sql`a."clinicIds" && ${[...f.clinicIds]}::text[]` : Prisma.sql`true`;
  const effective = f.clinicIds ? Prisma.sql`a."effectiveClinicIds" && ${[...f.clinicIds]}::text[]` : Prisma.sql`cardinality(a."effectiveClinicIds") > 0`;
  const counts = Prisma.sql`count(*) AS "answeredPatients", count(*) FILTER (WHERE ${effective}) AS "effectivePatients"`;
  if (!f.scriptIds && !byScript) {
    return db.$queryRaw<TotalsRow[]>`
      SELECT NULL::text AS key, ${counts} FROM "AnsweredPatient" a WHERE a."companyId" = ${f.companyId} AND ${inClinics}`;
  }
  const scripts = f.scriptIds ? Prisma.sql`a."scriptId" = ANY(${[...f.scriptIds]}::text[])` : Prisma.sql`a."companyId" = ${f.companyId}`;
  // Several scripts together: a patient of two of them is one patient.
  const overScripts = Prisma.sql`
    SELECT NULL::text AS key, count(*) AS "answeredPatients", count(*) FILTER (WHERE effective) AS "effectivePatients"
    FROM (SELECT bool_or(${effective}) AS effective FROM "ScriptAnsweredPatient" a WHERE ${scripts} AND ${inClinics} GROUP BY a."patientId") p`;
  if (f.scriptIds?.length === 1 && !byScript) {
    return db.$queryRaw<TotalsRow[]>`SELECT NULL::text AS key, ${counts} FROM "ScriptAnsweredPatient" a WHERE ${scripts} AND ${inClinics}`;
  }
  if (!byScript) return db.$queryRaw<TotalsRow[]>(overScripts);
  return db.$queryRaw<TotalsRow[]>`
    SELECT a."scriptId" AS key, ${counts} FROM "ScriptAnsweredPatient" a WHERE ${scripts} AND ${inClinics} GROUP BY a."scriptId"
    UNION ALL
    ${overScripts}`;
}
