import type { Tx } from "@/server/db/create-client";
import { EFFECTIVE_DIALOGUE_MIN_ROUNDS, ZERO_COUNTS, type CallMetricCounts } from "@/server/domain/calls/call-metrics";
import { Prisma } from "@/server/generated/prisma/client";

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

type Num = bigint | number | null;
type Row = { key: string | null } & { [K in keyof CallMetricCounts]?: Num };

/**
 * The one counting path behind every 执行数据 / 通话数据 figure (scripts, journeys, journey nodes): CallTask rows give
 * 待呼 (pending or being claimed), 拦截 and 失败 (creation checks, 话术停用); Call rows — one per placed attempt — give
 * 已呼, 接听, 有效对话 (answered, more than two rounds) and talk time. Grouped by script or journey node, plus the total.
 */
export async function countCallMetrics(db: Tx, target: MetricsTarget, grouping: MetricsGrouping): Promise<Map<string | null, CallMetricCounts>> {
  const out = new Map<string | null, CallMetricCounts>();
  if (target.clinicIds?.length === 0 || target.scriptIds?.length === 0 || target.nodeIds?.length === 0) {
    out.set(null, { ...ZERO_COUNTS });
    return out;
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
        Prisma.sql`${col("companyId")} = ${target.companyId}`,
        ...(target.clinicIds ? [Prisma.sql`${col("clinicId")} = ANY(${[...target.clinicIds]}::text[])`] : []),
        ...(target.scriptIds ? [Prisma.sql`${col("scriptId")} = ANY(${[...target.scriptIds]}::text[])`] : []),
        ...(target.journeyId ? [Prisma.sql`r."journeyId" = ${target.journeyId}`] : []),
        ...(target.nodeIds ? [Prisma.sql`r."nodeId" = ANY(${[...target.nodeIds]}::text[])`] : []),
        ...(target.source ? [Prisma.sql`t.source = ${target.source}::"CallTaskSource"`] : []),
      ],
      " AND ",
    );
    return {
      where,
      select: key ? Prisma.sql`CASE WHEN GROUPING(${key}) = 1 THEN NULL ELSE ${key} END` : Prisma.sql`NULL::text`,
      groupBy: key ? Prisma.sql`GROUP BY GROUPING SETS ((${key}), ())` : Prisma.empty,
    };
  };
  const tq = build("t");
  const cq = build(callsNeedTask ? "t" : "c");
  const callsFrom = callsNeedTask ? Prisma.sql`"Call" c JOIN "CallTask" t ON t.id = c."taskId" ${roster}` : Prisma.sql`"Call" c`;
  const [tasks, calls] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT ${tq.select} AS key,
        count(*) FILTER (WHERE t.status IN ('pending', 'dialing')) AS "pendingTasks",
        count(*) FILTER (WHERE t.status = 'intercepted') AS "interceptedTasks",
        count(*) FILTER (WHERE t.status IN ('failed', 'cancelled')) AS "failedTasks"
      FROM "CallTask" t ${roster}
      WHERE ${tq.where}
      ${tq.groupBy}`,
    db.$queryRaw<Row[]>`
      SELECT ${cq.select} AS key,
        count(*) AS "dialedCalls",
        count(*) FILTER (WHERE c.outcome = 'answered') AS "answeredCalls",
        count(DISTINCT c."patientId") FILTER (WHERE c.outcome = 'answered') AS "answeredPatients",
        count(*) FILTER (WHERE c.outcome = 'answered' AND c.rounds >= ${EFFECTIVE_DIALOGUE_MIN_ROUNDS}) AS "effectiveCalls",
        count(DISTINCT c."patientId") FILTER (WHERE c.outcome = 'answered' AND c.rounds >= ${EFFECTIVE_DIALOGUE_MIN_ROUNDS}) AS "effectivePatients",
        coalesce(sum(c."durationSec") FILTER (WHERE c.outcome = 'answered'), 0) AS "answeredSeconds"
      FROM ${callsFrom}
      WHERE ${cq.where}
      ${cq.groupBy}`,
  ]);
  out.set(null, { ...ZERO_COUNTS });
  for (const row of [...tasks, ...calls]) {
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
