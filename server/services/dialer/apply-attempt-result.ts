import type { PrismaClient, Tx } from "@/server/db/create-client";
import { parseClientRef } from "@/server/domain/call-tasks/client-ref";
import type { CallOutcome, CarrierOutcome } from "@/server/domain/calls/call-outcome";
import type { UnreachedOutcome } from "@/server/domain/calls/unreached-outcome";
import { attemptOutcome, redialOutcomeOf, unreachedOutcomeOf } from "@/server/domain/calls/unreached-outcome";
import { companyLimits, planAfterAttempt } from "@/server/domain/calling-policy";
import type { AttemptCompleted } from "@/server/ports/carrier";
import type { TaskStatus } from "@/server/services/metrics/call-totals";
import { pauseScriptsForInsufficientBalance } from "@/server/services/scripts/pause-scripts-for-insufficient-balance";
import { billedMinutes, debitCalls } from "./call-balance";
import { withCallRows, type CallRows, type Consultants, type LockedTaskMove, type TaskRef } from "./call-rows";

export type AppliedAttempt =
  | {
      applied: true;
      callId: string;
      taskId: string;
      companyId: string;
      scriptId: string;
      patientId: string;
      attempt: number;
      outcome: CallOutcome | UnreachedOutcome;
      carrierOutcome: CarrierOutcome;
      /** What became of the task: redial scheduled, ended, cancelled (script stopped), or untouched (a stale attempt). */
      task: "redial" | "ended" | "cancelled" | "untouched";
      redialAt: Date | null;
      /** Company balance after this call's debit, when it was debited. */
      balanceAfter: number | null;
      /** Scripts paused because the balance ran out with this call. */
      pausedScripts: number;
    }
  | { applied: false; why: "unknownClientRef" | "duplicate"; callId?: string };

type TaskRow = TaskRef &
  Consultants & {
    status: TaskStatus;
    attempt: number;
    maxAttempts: number;
    scriptStatus: string;
    batchStatus: string | null;
    redialIntervalMin: number | null;
  };

/** A result with its parsed clientRef and its place in the caller's list. */
type Item = { index: number; taskId: string; attempt: number; result: AttemptCompleted };

/** applyAttemptResults for one result (the carrier's attempt.completed). */
export async function applyAttemptResult(db: PrismaClient, result: AttemptCompleted, now: Date = new Date()): Promise<AppliedAttempt> {
  return (await applyAttemptResults(db, [result], now))[0]!;
}

/**
 * The state transition when attempts complete (the carrier's attempt.completed, delivered at least once and in any
 * order), for many results in one transaction (docs/dialer.md, "Results"). The Call row for (task, attempt) gets its
 * result once — a duplicate or a late copy changes nothing — and the task moves on: redial pending (attempt kept,
 * nextAttemptAt = end + interval) for a retryable outcome with attempts left, else ended. Answered calls are debited per
 * started minute; an exhausted balance pauses the company's scripts. Each result gets its own answer, in the order
 * given, exactly as if they were applied one by one; several results of one task are applied in attempt order.
 */
export async function applyAttemptResults(db: PrismaClient, results: readonly AttemptCompleted[], now: Date = new Date()): Promise<AppliedAttempt[]> {
  const answers: AppliedAttempt[] = results.map(() => ({ applied: false, why: "unknownClientRef" }));
  const items: Item[] = [];
  results.forEach((result, index) => {
    const ref = parseClientRef(result.clientRef);
    if (ref) items.push({ index, taskId: ref.taskId, attempt: ref.attempt, result });
  });
  if (items.length === 0) return answers;
  // Rounds in which each task has one result: the n-th round holds each task's n-th result by attempt.
  const perTask = new Map<string, Item[]>();
  for (const item of items) perTask.set(item.taskId, [...(perTask.get(item.taskId) ?? []), item]);
  const rounds: Item[][] = [];
  for (const list of perTask.values()) list.sort((a, b) => a.attempt - b.attempt).forEach((item, n) => (rounds[n] ??= []).push(item));
  await db.$transaction((tx) =>
    withCallRows(tx, async (rows) => {
      for (const round of rounds) for (const [index, answer] of await applyRound(tx, rows, round, now)) answers[index] = answer;
    }),
  );
  return answers;
}

/** One result per task: locks the tasks, records the results, moves the tasks, debits and pauses, set-based. */
async function applyRound(tx: Tx, rows: CallRows, round: readonly Item[], now: Date): Promise<Map<number, AppliedAttempt>> {
  const answers = new Map<number, AppliedAttempt>();
  // In id order, as the placement takes them: two writers never lock the same tasks in opposite orders.
  const tasks = await tx.$queryRaw<TaskRow[]>`
    SELECT t.id, t."companyId", t."clinicId", t."scriptId", t."patientId", coalesce(t.mobile, '') AS mobile, t.status::text AS status,
           t.source::text AS source, t."createdAt", t.attempt, t."maxAttempts", s.status::text AS "scriptStatus", b.status::text AS "batchStatus", c."redialIntervalMin",
           p."consultantId", p."onlineConsultantId"
    FROM "CallTask" t
      JOIN "Script" s ON s.id = t."scriptId"
      JOIN "Company" c ON c.id = t."companyId"
      JOIN "Patient" p ON p.id = t."patientId"
      LEFT JOIN "CallBatch" b ON b.id = t."batchId"
    WHERE t.id = ANY(${round.map((i) => i.taskId)}::text[])
    ORDER BY t.id
    FOR NO KEY UPDATE OF t`;
  const taskOf = new Map(tasks.map((t) => [t.id, t]));
  const known = round.filter((i) => taskOf.has(i.taskId));
  const recorded = await rows.attemptResults(
    known.map((i) => ({ task: taskOf.get(i.taskId)!, attempt: i.attempt, result: i.result })),
    now,
  );

  const duplicates = known.filter((_, n) => !recorded[n]);
  const existing = await existingCallIds(tx, duplicates);
  for (const i of duplicates) {
    const callId = existing.get(`${i.taskId}#${i.attempt}`);
    answers.set(i.index, { applied: false, why: "duplicate", ...(callId ? { callId } : {}) });
  }

  const applied = known.flatMap((item, n) => (recorded[n] ? [{ item, task: taskOf.get(item.taskId)!, callId: recorded[n].id }] : []));
  const moves: LockedTaskMove[] = [];
  const decided = applied.map(({ item, task, callId }) => {
    const next = nextOfTask(task, item);
    if (next.move) moves.push(next.move);
    return { item, task, callId, next };
  });
  await rows.moveLockedTasks(moves, now);

  // A connected voicemail or wrong number is still billed by the carrier.
  const balances = await debitCalls(
    tx,
    decided.map(({ item, task, callId }) => ({ companyId: task.companyId, callId, minutes: billedMinutes(item.result.talkSeconds, item.result.outcome === "answered"), at: now })),
  );
  const exhausted = new Map<string, number>(); // company → the (first) call whose debit exhausted the balance
  decided.forEach(({ task, callId }, n) => {
    const after = balances.get(callId);
    if (after !== undefined && after <= 0 && !exhausted.has(task.companyId)) exhausted.set(task.companyId, n);
  });
  const paused = new Map<number, number>();
  for (const companyId of [...exhausted.keys()].sort()) paused.set(exhausted.get(companyId)!, (await pauseScriptsForInsufficientBalance(tx, companyId)).length);

  decided.forEach(({ item, task, callId, next }, n) => {
    answers.set(item.index, {
      applied: true,
      callId,
      taskId: task.id,
      companyId: task.companyId,
      scriptId: task.scriptId,
      patientId: task.patientId,
      attempt: item.attempt,
      outcome: attemptOutcome(item.result),
      carrierOutcome: item.result.outcome,
      task: next.kind,
      redialAt: next.redialAt,
      balanceAfter: balances.get(callId) ?? null,
      pausedScripts: paused.get(n) ?? 0,
    });
  });
  // The totals are filed last (withCallRows), so the scripts' (hot) totals rows are held only for that statement and the commit.
  return answers;
}

/**
 * Where the task goes after this attempt. Only the task's current attempt moves it (a stale one leaves it untouched):
 * the one in the call, or — when the result beat our record of the placement — the one being placed.
 */
function nextOfTask(task: TaskRow, item: Item): { kind: "redial" | "ended" | "cancelled" | "untouched"; redialAt: Date | null; move: LockedTaskMove | null } {
  const current =
    task.status === "inCall" ? task.attempt === item.attempt : (task.status === "dialing" || task.status === "pending") && task.attempt + 1 === item.attempt;
  if (!current) return { kind: "untouched", redialAt: null, move: null };
  const { result } = item;
  const endedAt = new Date(result.endedAt);
  const outcome = attemptOutcome(result);
  const unreached = unreachedOutcomeOf(result);
  const { redialIntervalMin } = companyLimits({ redialIntervalMin: task.redialIntervalMin });
  const plan = planAfterAttempt(unreached ? redialOutcomeOf(unreached) : result.outcome, item.attempt, endedAt, { maxAttempts: task.maxAttempts, intervalMin: redialIntervalMin });
  const base = { task, from: task.status, attempt: item.attempt, lastOutcome: outcome };
  if (plan.kind === "redial" && task.scriptStatus !== "stopped" && task.batchStatus !== "cancelled") {
    return { kind: "redial", redialAt: plan.at, move: { ...base, to: "pending", nextAttemptAt: plan.at, reason: "redialScheduled" } };
  }
  if (plan.kind === "redial") {
    const reason = task.scriptStatus === "stopped" ? "scriptStopped" : "batchCancelled";
    return { kind: "cancelled", redialAt: null, move: { ...base, to: "cancelled", reason, finishedAt: endedAt } };
  }
  const reason = outcome === "failed" ? "carrierFailed" : outcome === "wrongNumber" ? "wrongNumber" : null;
  return { kind: "ended", redialAt: null, move: { ...base, to: "ended", reason, finishedAt: endedAt } };
}

/** The Call rows of (task, attempt) pairs whose result was already there, by `${taskId}#${attempt}`. */
async function existingCallIds(tx: Tx, items: readonly Item[]): Promise<Map<string, string>> {
  if (items.length === 0) return new Map();
  const found = await tx.$queryRaw<{ id: string; taskId: string; attempt: number }[]>`
    SELECT c.id, c."taskId", c.attempt FROM "Call" c
    JOIN unnest(${items.map((i) => i.taskId)}::text[], ${items.map((i) => i.attempt)}::int[]) AS v(task, attempt) ON c."taskId" = v.task AND c.attempt = v.attempt`;
  return new Map(found.map((c) => [`${c.taskId}#${c.attempt}`, c.id]));
}
