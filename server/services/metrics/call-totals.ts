import type { Tx } from "@/server/db/create-client";
import { isEffectiveDialogue } from "@/server/domain/calls/call-metrics";
import { billedMinutesOf } from "@/server/domain/outcomes/attribution";
import { Prisma } from "@/server/generated/prisma/client";
import { fileOutcomeTotals, OutcomeDeltas, taskSources } from "./outcome-totals";

/**
 * The running totals behind 执行数据 / 通话数据 (docs/metrics.md). Every transition of a CallTask's status or a Call's
 * existence / result adds its delta here, in the transaction that makes the transition, and countCallMetrics reads the
 * sums. Task figures are filed under the task's creation day, call figures under the call's dial day, both in China
 * time (UTC+8, no daylight saving; the same expression in SQL as DAY_SQL below). Writes are sorted by key and made once
 * at the end of a transaction, so two transactions never lock the same total rows in opposite orders. Each key has
 * SHARDS rows chosen by task, so results and placements of one busy script do not all queue on one row.
 */

export const SHARDS = 4;
/** The shard of a task's figures (any stable spread will do: the rows are summed). */
export function shardOf(taskId: string): number {
  let h = 0;
  for (let i = 0; i < taskId.length; i++) h = (h * 31 + taskId.charCodeAt(i)) | 0;
  return Math.abs(h) % SHARDS;
}
const SHARD_SQL = Prisma.sql`(abs(hashtext(t.id)) % ${SHARDS})`;

export type TaskStatus = "pending" | "dialing" | "inCall" | "ended" | "intercepted" | "cancelled" | "failed";
type TaskColumn = "pendingTasks" | "interceptedTasks" | "failedTasks";

/** Which 执行数据 figure a task in this status counts towards (待呼 includes a claim being placed). */
export function taskColumn(status: TaskStatus | null): TaskColumn | null {
  if (status === "pending" || status === "dialing") return "pendingTasks";
  if (status === "intercepted") return "interceptedTasks";
  if (status === "failed" || status === "cancelled") return "failedTasks";
  return null;
}

const CHINA_OFFSET_MS = 8 * 3600_000;
/** The same day as DAY_SQL: the calendar date in China time. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
/** SQL of the China-time day of a `timestamp(3)` column holding UTC. */
export const daySql = (column: Prisma.Sql) => Prisma.sql`(${column} + interval '8 hours')::date`;

export interface TotalsKey {
  companyId: string;
  clinicId: string;
  scriptId: string;
  source: "batch" | "journey";
}

export interface TotalsDelta extends TotalsKey {
  /** The instant that picks the day: the task's createdAt for task figures, the call's dialedAt for call figures. */
  at: Date;
  taskId: string;
  pendingTasks?: number;
  interceptedTasks?: number;
  failedTasks?: number;
  dialedCalls?: number;
  failedCalls?: number;
  answeredCalls?: number;
  effectiveCalls?: number;
  answeredSeconds?: number;
  billedMinutes?: number;
  interestedCalls?: number;
  smsCalls?: number;
}

const COLUMNS = [
  "pendingTasks",
  "interceptedTasks",
  "failedTasks",
  "dialedCalls",
  "answeredCalls",
  "effectiveCalls",
  "answeredSeconds",
  "failedCalls",
  "billedMinutes",
  "interestedCalls",
  "smsCalls",
] as const;

/** A task moving from one status to another (from null = created; to null = gone). */
export function taskMoved(task: TotalsKey & { id: string; createdAt: Date }, from: TaskStatus | null, to: TaskStatus | null): TotalsDelta {
  const delta: TotalsDelta = { companyId: task.companyId, clinicId: task.clinicId, scriptId: task.scriptId, source: task.source, at: task.createdAt, taskId: task.id };
  const out = taskColumn(from);
  const into = taskColumn(to);
  if (out === into) return delta;
  if (out) delta[out] = -1;
  if (into) delta[into] = 1;
  return delta;
}

/** A Call row created (placed) and/or given its result. */
export function callCounted(
  call: TotalsKey & { taskId: string; dialedAt: Date },
  change: { created: boolean; result?: { answered: boolean; failed?: boolean; rounds: number; durationSec: number } },
): TotalsDelta {
  const answered = change.result?.answered ?? false;
  return {
    companyId: call.companyId,
    clinicId: call.clinicId,
    scriptId: call.scriptId,
    source: call.source,
    at: call.dialedAt,
    taskId: call.taskId,
    dialedCalls: change.created ? 1 : 0,
    failedCalls: change.result?.failed ? 1 : 0,
    answeredCalls: answered ? 1 : 0,
    effectiveCalls: isEffectiveDialogue({ answered, rounds: change.result?.rounds ?? 0 }) ? 1 : 0,
    answeredSeconds: answered ? change.result!.durationSec : 0,
    billedMinutes: answered ? billedMinutesOf(change.result!.durationSec) : 0,
  };
}

/** The totals key of a stored call, read in the writer's transaction (for figures filed after the result). */
export async function totalsKeyOfCall(tx: Tx, callId: string): Promise<(TotalsKey & { taskId: string; dialedAt: Date }) | null> {
  const call = await tx.call.findUnique({
    where: { id: callId },
    select: { companyId: true, clinicId: true, scriptId: true, taskId: true, dialedAt: true, task: { select: { source: true } } },
  });
  return call ? { companyId: call.companyId, clinicId: call.clinicId, scriptId: call.scriptId, source: call.task.source, taskId: call.taskId, dialedAt: call.dialedAt } : null;
}

/**
 * A call's 有意向 (isInterestedCall) or hang-up SMS (a message not failed) came or went: files ±1 under the call's key.
 * The writers: setCallAnalysis / setCorrectedIntent (calls/set-call-analysis.ts), and the SMS status changes
 * (sms/send-hangup-sms.ts, sms/apply-sms-receipts.ts).
 */
export async function fileCallFigure(tx: Tx, callId: string | null, figure: "interestedCalls" | "smsCalls", delta: number): Promise<void> {
  if (!callId || delta === 0) return;
  const key = await totalsKeyOfCall(tx, callId);
  if (key) await addCallTotals(tx, [{ ...key, at: key.dialedAt, [figure]: delta }]);
}

const CALL_FIGURES = ["dialedCalls", "answeredCalls", "effectiveCalls", "interestedCalls", "billedMinutes", "smsCalls"] as const;

/**
 * Adds deltas to the totals: summed per key in memory, then one upsert in key order; then the call figures into
 * OutcomeDailyTotal (by the task's batch, journey node and variant) together with `outcome` (bookings re-credited in
 * the same transaction), in one upsert — the last statement of the writer's totals.
 */
export async function addCallTotals(tx: Tx, deltas: readonly TotalsDelta[], outcome: OutcomeDeltas = new OutcomeDeltas()): Promise<void> {
  await addDailyTotals(tx, deltas);
  const calls = deltas.filter((d) => CALL_FIGURES.some((f) => (d[f] ?? 0) !== 0));
  const sources = await taskSources(tx, calls.map((d) => d.taskId));
  for (const d of calls) {
    const src = sources.get(d.taskId);
    if (!src) continue;
    outcome.add(
      { companyId: d.companyId, scriptId: d.scriptId, clinicId: d.clinicId, source: d.source, day: chinaDay(d.at), ...src },
      Object.fromEntries(CALL_FIGURES.map((f) => [f, d[f] ?? 0])),
    );
  }
  await fileOutcomeTotals(tx, outcome);
}

async function addDailyTotals(tx: Tx, deltas: readonly TotalsDelta[]): Promise<void> {
  const byKey = new Map<string, { key: TotalsKey & { day: string; shard: number }; sums: number[] }>();
  for (const d of deltas) {
    const day = chinaDay(d.at);
    const shard = shardOf(d.taskId);
    const k = `${d.scriptId}\u0000${d.clinicId}\u0000${d.source}\u0000${day}\u0000${shard}`;
    const entry = byKey.get(k) ?? { key: { companyId: d.companyId, clinicId: d.clinicId, scriptId: d.scriptId, source: d.source, day, shard }, sums: COLUMNS.map(() => 0) };
    COLUMNS.forEach((c, i) => (entry.sums[i]! += d[c] ?? 0));
    byKey.set(k, entry);
  }
  const rows = [...byKey.entries()].filter(([, e]) => e.sums.some((n) => n !== 0)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
  if (rows.length === 0) return;
  const col = (i: number) => rows.map((r) => r.sums[i]!);
  await tx.$executeRaw`
    INSERT INTO "CallDailyTotal" ("scriptId", "clinicId", source, day, shard, "companyId", "pendingTasks", "interceptedTasks", "failedTasks",
                                  "dialedCalls", "answeredCalls", "effectiveCalls", "answeredSeconds", "failedCalls",
                                  "billedMinutes", "interestedCalls", "smsCalls")
    SELECT * FROM unnest(${rows.map((r) => r.key.scriptId)}::text[], ${rows.map((r) => r.key.clinicId)}::text[],
                         ${rows.map((r) => r.key.source)}::"CallTaskSource"[], ${rows.map((r) => r.key.day)}::date[], ${rows.map((r) => r.key.shard)}::int[],
                         ${rows.map((r) => r.key.companyId)}::text[], ${col(0)}::int[], ${col(1)}::int[], ${col(2)}::int[],
                         ${col(3)}::int[], ${col(4)}::int[], ${col(5)}::int[], ${col(6)}::bigint[], ${col(7)}::int[],
                         ${col(8)}::int[], ${col(9)}::int[], ${col(10)}::int[])
    ${UPSERT_TOTALS}`;
}

const UPSERT_TOTALS = Prisma.sql`
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("scriptId", "clinicId", source, day, shard) DO UPDATE SET
      "pendingTasks" = "CallDailyTotal"."pendingTasks" + EXCLUDED."pendingTasks",
      "interceptedTasks" = "CallDailyTotal"."interceptedTasks" + EXCLUDED."interceptedTasks",
      "failedTasks" = "CallDailyTotal"."failedTasks" + EXCLUDED."failedTasks",
      "dialedCalls" = "CallDailyTotal"."dialedCalls" + EXCLUDED."dialedCalls",
      "answeredCalls" = "CallDailyTotal"."answeredCalls" + EXCLUDED."answeredCalls",
      "effectiveCalls" = "CallDailyTotal"."effectiveCalls" + EXCLUDED."effectiveCalls",
      "answeredSeconds" = "CallDailyTotal"."answeredSeconds" + EXCLUDED."answeredSeconds",
      "failedCalls" = "CallDailyTotal"."failedCalls" + EXCLUDED."failedCalls",
      "billedMinutes" = "CallDailyTotal"."billedMinutes" + EXCLUDED."billedMinutes",
      "interestedCalls" = "CallDailyTotal"."interestedCalls" + EXCLUDED."interestedCalls",
      "smsCalls" = "CallDailyTotal"."smsCalls" + EXCLUDED."smsCalls"`;

/**
 * Moves a set of tasks from one status to another in one statement and files the change in the totals in the same
 * statement: `UPDATE "CallTask" SET <set> WHERE status = <from> AND <where>`. Returns how many tasks moved and their companies. For the
 * set-based transitions of the one writer (services/dialer/call-rows.ts: releasing, failing, cancelling claims and tasks).
 */
export async function moveTasks(
  tx: Tx,
  move: { from: TaskStatus; to: TaskStatus; set: Prisma.Sql; where: Prisma.Sql },
): Promise<{ count: number; companyIds: string[] }> {
  const out = taskColumn(move.from);
  const into = taskColumn(move.to);
  if (out === into) {
    // The same figure before and after (dialing → pending are both 待呼): nothing to file.
    const [row] = await tx.$queryRaw<{ n: bigint; companies: string[] | null }[]>`
      WITH moved AS (
        UPDATE "CallTask" t SET status = ${move.to}::"CallTaskStatus", ${move.set}
        WHERE t.status = ${move.from}::"CallTaskStatus" AND ${move.where}
        RETURNING t."companyId"
      )
      SELECT count(*) AS n, array_agg(DISTINCT "companyId") AS companies FROM moved`;
    return { count: Number(row?.n ?? 0), companyIds: row?.companies ?? [] };
  }
  const sign = (c: TaskColumn) => (c === out ? -1 : c === into ? 1 : 0);
  const [row] = await tx.$queryRaw<{ n: bigint; companies: string[] | null }[]>`
    WITH moved AS (
      UPDATE "CallTask" t SET status = ${move.to}::"CallTaskStatus", ${move.set}
      WHERE t.status = ${move.from}::"CallTaskStatus" AND ${move.where}
      RETURNING t."scriptId", t."clinicId", t.source, t."companyId", t."createdAt", ${SHARD_SQL} AS shard
    ), filed AS (
      INSERT INTO "CallDailyTotal" ("scriptId", "clinicId", source, day, shard, "companyId", "pendingTasks", "interceptedTasks", "failedTasks",
                                    "dialedCalls", "answeredCalls", "effectiveCalls", "answeredSeconds")
      SELECT "scriptId", "clinicId", source, ${daySql(Prisma.sql`"createdAt"`)}, shard, "companyId",
             ${sign("pendingTasks")} * count(*), ${sign("interceptedTasks")} * count(*), ${sign("failedTasks")} * count(*), 0, 0, 0, 0
      FROM moved
      GROUP BY 1, 2, 3, 4, 5, 6
      ${UPSERT_TOTALS}
      RETURNING 1
    )
    SELECT count(*) AS n, array_agg(DISTINCT "companyId") AS companies FROM moved`;
  return { count: Number(row?.n ?? 0), companyIds: row?.companies ?? [] };
}

/** The upsert's update of an answered-patient row `a` by the proposed row EXCLUDED (one clinic): the call's clinic joins its arrays unless it is there already. */
const MERGE_CLINIC = Prisma.sql`
    "clinicIds" = CASE WHEN EXCLUDED."clinicIds"[1] = ANY(a."clinicIds") THEN a."clinicIds" ELSE array_append(a."clinicIds", EXCLUDED."clinicIds"[1]) END,
    "effectiveClinicIds" = CASE WHEN cardinality(EXCLUDED."effectiveClinicIds") = 0 OR EXCLUDED."clinicIds"[1] = ANY(a."effectiveClinicIds") THEN a."effectiveClinicIds"
                                ELSE array_append(a."effectiveClinicIds", EXCLUDED."clinicIds"[1]) END
    WHERE NOT (EXCLUDED."clinicIds"[1] = ANY(a."clinicIds"))
       OR (cardinality(EXCLUDED."effectiveClinicIds") > 0 AND NOT (EXCLUDED."clinicIds"[1] = ANY(a."effectiveClinicIds")))`;
// (The WHERE: most answered calls are of a patient and clinic already counted, and then change nothing.)

type AnsweredPatient = { companyId: string; clinicId: string; scriptId: string; patientId: string; effective: boolean };

/**
 * Files answered calls' patients under 接听客户数 (company and script), and under 有效对话客户数 when effective: one
 * upsert per table, in key order. A key twice in one statement cannot be upserted, so repeats go in a further round.
 */
export async function addAnsweredPatients(tx: Tx, patients: readonly AnsweredPatient[]): Promise<void> {
  for (const round of rounds(patients, (p) => `${p.scriptId}\u0000${p.patientId}`)) {
    await tx.$executeRaw`
      INSERT INTO "ScriptAnsweredPatient" AS a ("scriptId", "patientId", "companyId", "clinicIds", "effectiveClinicIds")
      SELECT v.s, v.p, v.c, ARRAY[v.k], CASE WHEN v.e THEN ARRAY[v.k] ELSE ARRAY[]::text[] END
      FROM unnest(${round.map((p) => p.scriptId)}::text[], ${round.map((p) => p.patientId)}::text[], ${round.map((p) => p.companyId)}::text[],
                  ${round.map((p) => p.clinicId)}::text[], ${round.map((p) => p.effective)}::boolean[]) AS v(s, p, c, k, e)
      ORDER BY 1, 2
      ON CONFLICT ("scriptId", "patientId") DO UPDATE SET ${MERGE_CLINIC}`;
  }
  for (const round of rounds(patients, (p) => `${p.companyId}\u0000${p.patientId}`)) {
    await tx.$executeRaw`
      INSERT INTO "AnsweredPatient" AS a ("companyId", "patientId", "clinicIds", "effectiveClinicIds")
      SELECT v.c, v.p, ARRAY[v.k], CASE WHEN v.e THEN ARRAY[v.k] ELSE ARRAY[]::text[] END
      FROM unnest(${round.map((p) => p.companyId)}::text[], ${round.map((p) => p.patientId)}::text[], ${round.map((p) => p.clinicId)}::text[],
                  ${round.map((p) => p.effective)}::boolean[]) AS v(c, p, k, e)
      ORDER BY 1, 2
      ON CONFLICT ("companyId", "patientId") DO UPDATE SET ${MERGE_CLINIC}`;
  }
}

/** Splits items into rounds in which each key occurs once (the n-th round holds each key's n-th item), in order. */
function rounds<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const seen = new Map<string, number>();
  const out: T[][] = [];
  for (const item of items) {
    const k = key(item);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    (out[n] ??= []).push(item);
  }
  return out;
}
