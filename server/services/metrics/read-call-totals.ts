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
      sum(d."answeredSeconds") AS "answeredSeconds"
    FROM "CallDailyTotal" d
    WHERE ${where}
    ${byScript ? Prisma.sql`GROUP BY GROUPING SETS ((d."scriptId"), ())` : Prisma.empty}`;
}

/**
 * 接听客户数 / 有效对话客户数 from the answered-patient sets: per script from ScriptAnsweredPatient, over every script
 * from AnsweredPatient (one row per patient and clinic, so the company-wide figure never reads the calls). A patient
 * answered in several scripts or clinics counts once in a total, as with the calls themselves.
 */
export function readAnsweredPatients(db: Tx, f: TotalsFilter, byScript: boolean): Promise<TotalsRow[]> {
  const clinics = f.clinicIds ? Prisma.sql`AND a."clinicId" = ANY(${[...f.clinicIds]}::text[])` : Prisma.empty;
  if (!f.scriptIds && !byScript) {
    return db.$queryRaw<TotalsRow[]>`
      SELECT NULL::text AS key, count(*) AS "answeredPatients", count(*) FILTER (WHERE effective) AS "effectivePatients"
      FROM (SELECT bool_or(a.effective) AS effective FROM "AnsweredPatient" a WHERE a."companyId" = ${f.companyId} ${clinics} GROUP BY a."patientId") p`;
  }
  const scripts = f.scriptIds ? Prisma.sql`a."scriptId" = ANY(${[...f.scriptIds]}::text[])` : Prisma.sql`a."companyId" = ${f.companyId}`;
  const key = Prisma.sql`a."scriptId"`;
  return db.$queryRaw<TotalsRow[]>`
    SELECT key, count(*) AS "answeredPatients", count(*) FILTER (WHERE effective) AS "effectivePatients"
    FROM (
      SELECT ${byScript ? Prisma.sql`CASE WHEN GROUPING(${key}) = 1 THEN NULL ELSE ${key} END` : Prisma.sql`NULL::text`} AS key, bool_or(a.effective) AS effective
      FROM "ScriptAnsweredPatient" a
      WHERE ${scripts} ${clinics}
      ${byScript ? Prisma.sql`GROUP BY GROUPING SETS ((${key}, a."patientId"), (a."patientId"))` : Prisma.sql`GROUP BY a."patientId"`}
    ) per_patient
    GROUP BY key`;
}
