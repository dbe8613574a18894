import type { Tx } from "@/server/db/create-client";
import { EFFECTIVE_DIALOGUE_MIN_ROUNDS, ZERO_COUNTS, type CallMetricCounts } from "@/server/domain/calls/call-metrics";
import { Prisma } from "@/server/generated/prisma/client";
import { readAnsweredPatients, readCallTotals } from "./read-call-totals";

/** Which tasks (and so which calls) a figure covers. Always within one company. */
export interface MetricsTarget {
  companyId: string;
  /** The caller's visible clinics; omitted = the whole company (journey pages check access to the journey instead). */
  clinicIds?: readonly string[];
  scriptIds?: readonly string[];
  journeyId?: string;
  nodeIds?: readonly string[];
  source?: "batch" | "journey";
}

export type MetricsGrouping = "script" | "node" | "total";

export interface CountOptions {
  /** 接听客户数 / 有效对话客户数 need every answered call grouped by patient; lists that show only 执行数据 skip them. */
  patients?: boolean;
}

type Num = bigint | number | null;
type Row = { key: string | null } & { [K in keyof CallMetricCounts]?: Num };

/**
 * The one counting path behind every 执行数据 / 通话数据 figure (scripts, journeys, journey nodes, 话单记录): CallTask
 * rows give 待呼 (pending or being claimed), 拦截 and 下发失败 (creation checks, 话术停用); Call rows — one per placed
 * attempt — give 已呼, 失败 (呼叫失败), 接听, 有效对话 (answered, at least two rounds: EFFECTIVE_DIALOGUE_MIN_ROUNDS) and talk time. Grouped by script or journey node,
 * plus the total (key null). Formulas: server/domain/calls/call-metrics.ts.
 *
 * Scripts, 话单记录 and the MA dashboard (no journey in the target) read the running totals every transition keeps
 * (read-call-totals.ts, call-totals.ts) — the same figures, without reading a million calls. Journey nodes count the
 * rows through the node's roster.
 *
 * Tenancy is checked here: given scripts are first narrowed to the company's own, and then counted by scriptId alone so
 * PostgreSQL answers from the scriptId indexes (docs/performance.md). Distinct patients come from a hashed GROUP BY
 * over answered calls, not count(DISTINCT …), which sorted every answered call.
 */
export async function countCallMetrics(
  db: Tx,
  target: MetricsTarget,
  grouping: MetricsGrouping,
  options: CountOptions = {},
): Promise<Map<string | null, CallMetricCounts>> {
  const out = new Map<string | null, CallMetricCounts>([[null, { ...ZERO_COUNTS }]]);
  if (target.clinicIds?.length === 0 || target.scriptIds?.length === 0 || target.nodeIds?.length === 0) return out;
  let scriptIds: string[] | undefined;
  if (target.scriptIds) {
    const owned = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Script" WHERE id = ANY(${[...new Set(target.scriptIds)]}::text[]) AND "companyId" = ${target.companyId}`;
    scriptIds = owned.map((s) => s.id);
    if (scriptIds.length === 0) return out;
  }
  const needsRoster = grouping === "node" || target.journeyId !== undefined || target.nodeIds !== undefined;
  // Call rows carry their task's company, clinic and script: only source and journey filters need the task joined.
  const callsNeedTask = needsRoster || target.source !== undefined;
  const roster = needsRoster ? Prisma.sql`JOIN "JourneyRosterEntry" r ON r.id = t."rosterEntryId"` : Prisma.empty;
  const build = (a: "t" | "c") => {
    const col = (name: string) => Prisma.raw(`${a}."${name}"`);
    const key = grouping === "script" ? col("scriptId") : grouping === "node" ? Prisma.sql`r."nodeId"` : null;
    const where = Prisma.join(
      [
        scriptIds ? Prisma.sql`${col("scriptId")} = ANY(${scriptIds}::text[])` : Prisma.sql`${col("companyId")} = ${target.companyId}`,
        ...(target.clinicIds ? [Prisma.sql`${col("clinicId")} = ANY(${[...target.clinicIds]}::text[])`] : []),
        ...(target.journeyId ? [Prisma.sql`r."journeyId" = ${target.journeyId}`] : []),
        ...(target.nodeIds ? [Prisma.sql`r."nodeId" = ANY(${[...target.nodeIds]}::text[])`] : []),
        ...(target.source ? [Prisma.sql`t.source = ${target.source}::"CallTaskSource"`] : []),
      ],
      " AND ",
    );
    return {
      key,
      where,
      select: key ? Prisma.sql`CASE WHEN GROUPING(${key}) = 1 THEN NULL ELSE ${key} END` : Prisma.sql`NULL::text`,
      groupBy: key ? Prisma.sql`GROUP BY GROUPING SETS ((${key}), ())` : Prisma.empty,
    };
  };
  const tq = build("t");
  const cq = build(callsNeedTask ? "t" : "c");
  const callsFrom = callsNeedTask ? Prisma.sql`"Call" c JOIN "CallTask" t ON t.id = c."taskId" ${roster}` : Prisma.sql`"Call" c`;
  const effective = Prisma.sql`c.rounds >= ${EFFECTIVE_DIALOGUE_MIN_ROUNDS}`;
  const taskRows = () =>
    db.$queryRaw<Row[]>`
      SELECT ${tq.select} AS key,
        count(*) FILTER (WHERE t.status IN ('pending', 'dialing')) AS "pendingTasks",
        count(*) FILTER (WHERE t.status = 'intercepted') AS "interceptedTasks",
        count(*) FILTER (WHERE t.status IN ('failed', 'cancelled')) AS "failedTasks"
      FROM "CallTask" t ${roster}
      WHERE ${tq.where}
      ${tq.groupBy}`;
  const callRows = () =>
    db.$queryRaw<Row[]>`
      SELECT ${cq.select} AS key,
        count(*) AS "dialedCalls",
        count(*) FILTER (WHERE c.outcome = 'failed') AS "failedCalls",
        count(*) FILTER (WHERE c.outcome = 'answered') AS "answeredCalls",
        count(*) FILTER (WHERE c.outcome = 'answered' AND ${effective}) AS "effectiveCalls",
        coalesce(sum(c."durationSec") FILTER (WHERE c.outcome = 'answered'), 0) AS "answeredSeconds"
      FROM ${callsFrom}
      WHERE ${cq.where}
      ${cq.groupBy}`;
  const patientRows = () =>
    db.$queryRaw<Row[]>`
            SELECT key, count(*) AS "answeredPatients", count(*) FILTER (WHERE effective) AS "effectivePatients"
            FROM (
              SELECT ${cq.select} AS key, bool_or(${effective}) AS effective
              FROM ${callsFrom}
              WHERE ${cq.where} AND c.outcome = 'answered'
              ${cq.key ? Prisma.sql`GROUP BY GROUPING SETS ((${cq.key}, c."patientId"), (c."patientId"))` : Prisma.sql`GROUP BY c."patientId"`}
            ) per_patient
            GROUP BY key`;
  // Without a journey, the figures come from the running totals the transitions keep (call-totals.ts); the rows are
  // read only for a journey's nodes, and for distinct patients by source (no total keeps those; nothing asks today).
  const totals = { companyId: target.companyId, clinicIds: target.clinicIds, scriptIds, source: target.source };
  const byScript = grouping === "script";
  const rows = await Promise.all([
    ...(needsRoster ? [taskRows(), callRows()] : [readCallTotals(db, totals, byScript)]),
    ...(options.patients === false ? [] : [needsRoster || target.source ? patientRows() : readAnsweredPatients(db, totals, byScript)]),
  ]);
  for (const row of rows.flat()) {
    const into = out.get(row.key) ?? { ...ZERO_COUNTS };
    for (const k of Object.keys(ZERO_COUNTS) as (keyof CallMetricCounts)[]) {
      const v = row[k];
      if (v !== undefined && v !== null) into[k] = Number(v);
    }
    out.set(row.key, into);
  }
  return out;
}

export interface Coverage {
  /** 覆盖客户总人次: patients the node dispatched to (its 旅程名单). */
  total: number;
  /** 下发成功外呼覆盖人次. */
  dispatched: number;
  /** 下发失败外呼覆盖人次. */
  dispatchFailed: number;
}

/** Coverage of a journey's 智能外呼 nodes, by node (seed §6-7). */
export async function countCoverage(db: Tx, companyId: string, journeyId: string): Promise<Map<string, Coverage>> {
  const rows = await db.$queryRaw<{ nodeId: string; total: Num; dispatched: Num; dispatchFailed: Num }[]>`
    SELECT r."nodeId", count(*) AS total,
      count(*) FILTER (WHERE r.status = 'dispatched') AS dispatched,
      count(*) FILTER (WHERE r.status = 'dispatchFailed') AS "dispatchFailed"
    FROM "JourneyRosterEntry" r
      JOIN "JourneyNode" n ON n.id = r."nodeId"
      JOIN "Journey" j ON j.id = r."journeyId"
    WHERE r."journeyId" = ${journeyId} AND j."companyId" = ${companyId} AND n.kind = 'outbound'
    GROUP BY r."nodeId"`;
  return new Map(rows.map((r) => [r.nodeId, { total: Number(r.total), dispatched: Number(r.dispatched), dispatchFailed: Number(r.dispatchFailed) }]));
}
