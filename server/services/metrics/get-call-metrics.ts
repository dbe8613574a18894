import type { Tx } from "@/server/db/create-client";
import { Prisma } from "@/server/generated/prisma/client";
import { callMetrics, EFFECTIVE_DIALOGUE_MIN_ROUNDS, ZERO_COUNTS, type CallMetricCounts, type CallMetrics } from "@/server/domain/calls/call-metrics";
import { clinicFilter } from "@/server/services/tenancy/clinic-filter";
import type { Scope } from "@/server/trpc/init";

type Num = bigint | number | null;
const n = (v: Num | undefined) => Number(v ?? 0);

/**
 * The tenancy condition. With scripts given, their ownership is checked once up front and the condition narrows to
 * those scripts (and the caller's clinics when restricted), so PostgreSQL can count from the scriptId indexes alone.
 */
async function scopeSql(db: Tx, scope: Scope, scriptIds?: readonly string[]): Promise<{ where: Prisma.Sql; ids?: string[] }> {
  const clinics = await clinicFilter(db, scope);
  const clinicSql = clinics ? Prisma.sql`AND "clinicId" = ANY(${clinics.in}::text[])` : Prisma.empty;
  if (!scriptIds) return { where: Prisma.sql`"companyId" = ${scope.companyId} ${clinicSql}` };
  const owned = await db.script.findMany({ where: { id: { in: [...scriptIds] }, companyId: scope.companyId }, select: { id: true } });
  const ids = owned.map((s) => s.id);
  return { where: Prisma.sql`"scriptId" = ANY(${ids}::text[]) ${clinicSql}`, ids };
}

/**
 * 执行数据 and 通话数据 for the caller's clinics, read only from CallTask and Call rows: `total` over the given scripts
 * (or every script), and `byScript` for each given script. Three scans per figure set, each served by an index on
 * scriptId when scripts are given.
 */
export async function getCallMetrics(
  db: Tx,
  scope: Scope,
  options: { scriptIds?: readonly string[] } = {},
): Promise<{ total: CallMetrics; byScript: Map<string, CallMetrics> }> {
  if (scope.clinicIds.length === 0 || options.scriptIds?.length === 0) return { total: callMetrics(ZERO_COUNTS), byScript: new Map() };
  const requested = options.scriptIds ? [...new Set(options.scriptIds)] : undefined;
  const { where, ids } = await scopeSql(db, scope, requested);
  if (ids?.length === 0) return { total: callMetrics(ZERO_COUNTS), byScript: new Map(requested!.map((id) => [id, callMetrics(ZERO_COUNTS)])) };
  const [total, ...each] = await Promise.all([
    metricsOver(db, where, ids),
    ...(ids && ids.length > 1 ? ids.map((id) => metricsOver(db, where, [id])) : []),
  ]);
  const byScript = new Map<string, CallMetrics>(requested?.map((id) => [id, callMetrics(ZERO_COUNTS)]) ?? []);
  ids?.forEach((id, i) => byScript.set(id, ids.length > 1 ? each[i]! : total));
  return { total, byScript };
}

async function metricsOver(db: Tx, where: Prisma.Sql, scriptIds: string[] | undefined): Promise<CallMetrics> {
  // Each figure set narrows to its own scripts (the shared condition may name several).
  const script = scriptIds ? Prisma.sql`AND "scriptId" = ANY(${scriptIds}::text[])` : Prisma.empty;
  const [[tasks], [calls], [patients]] = await Promise.all([
    db.$queryRaw<Record<string, Num>[]>`
      SELECT count(*) FILTER (WHERE status IN ('pending', 'dialing')) AS "pendingTasks",
        count(*) FILTER (WHERE status = 'intercepted') AS "interceptedTasks",
        count(*) FILTER (WHERE status IN ('failed', 'cancelled')) AS "failedTasks"
      FROM "CallTask" WHERE ${where} ${script}`,
    db.$queryRaw<Record<string, Num>[]>`
      SELECT count(*) AS "dialedCalls",
        count(*) FILTER (WHERE outcome = 'answered') AS "answeredCalls",
        count(*) FILTER (WHERE outcome = 'answered' AND rounds >= ${EFFECTIVE_DIALOGUE_MIN_ROUNDS}) AS "effectiveCalls",
        coalesce(sum("durationSec") FILTER (WHERE outcome = 'answered'), 0) AS "answeredSeconds"
      FROM "Call" WHERE ${where} ${script}`,
    // Distinct patients through a hashed GROUP BY rather than count(DISTINCT …), which sorts every answered call.
    db.$queryRaw<Record<string, Num>[]>`
      SELECT count(*) AS "answeredPatients", count(*) FILTER (WHERE effective) AS "effectivePatients"
      FROM (
        SELECT "patientId", bool_or(rounds >= ${EFFECTIVE_DIALOGUE_MIN_ROUNDS}) AS effective
        FROM "Call" WHERE ${where} ${script} AND outcome = 'answered'
        GROUP BY "patientId"
      ) answered`,
  ]);
  const counts: CallMetricCounts = { ...ZERO_COUNTS };
  for (const key of Object.keys(ZERO_COUNTS) as (keyof CallMetricCounts)[]) counts[key] = n(tasks?.[key] ?? calls?.[key] ?? patients?.[key]);
  return callMetrics(counts);
}

/** 执行数据 of several scripts at once, for the 外呼管理 list (no per-patient figures, so it stays cheap). */
export async function getExecutionStats(db: Tx, scope: Scope, scriptIds: readonly string[]): Promise<Map<string, CallMetrics["execution"]>> {
  const out = new Map<string, CallMetrics["execution"]>(scriptIds.map((id) => [id, { pending: 0, intercepted: 0, dialed: 0, failed: 0 }]));
  if (scriptIds.length === 0 || scope.clinicIds.length === 0) return out;
  const { where, ids } = await scopeSql(db, scope, scriptIds);
  if (!ids?.length) return out;
  const [tasks, calls] = await Promise.all([
    db.$queryRaw<{ scriptId: string; pending: Num; intercepted: Num; failed: Num }[]>`
      SELECT "scriptId",
        count(*) FILTER (WHERE status IN ('pending', 'dialing')) AS pending,
        count(*) FILTER (WHERE status = 'intercepted') AS intercepted,
        count(*) FILTER (WHERE status IN ('failed', 'cancelled')) AS failed
      FROM "CallTask" WHERE ${where}
      GROUP BY "scriptId"`,
    db.$queryRaw<{ scriptId: string; dialed: Num }[]>`
      SELECT "scriptId", count(*) AS dialed FROM "Call" WHERE ${where} GROUP BY "scriptId"`,
  ]);
  for (const t of tasks) Object.assign(out.get(t.scriptId)!, { pending: n(t.pending), intercepted: n(t.intercepted), failed: n(t.failed) });
  for (const c of calls) out.get(c.scriptId)!.dialed = n(c.dialed);
  return out;
}
