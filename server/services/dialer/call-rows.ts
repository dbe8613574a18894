import type { Tx } from "@/server/db/create-client";
import { notifyDialerActivity } from "@/server/db/dialer-activity";
import { attemptOutcome } from "@/server/domain/calls/unreached-outcome";
import { isEffectiveDialogue } from "@/server/domain/calls/call-metrics";
import { roundsOfAttempt } from "@/server/domain/calls/transcript";
import type { DeferRule, InterceptRule } from "@/server/domain/calling-policy";
import { Prisma } from "@/server/generated/prisma/client";
import type { AttemptCompleted } from "@/server/ports/carrier";
import {
  addAnsweredPatients,
  addCallTotals,
  callCounted,
  moveTasks,
  taskMoved,
  type TaskStatus,
  type TotalsDelta,
  type TotalsKey,
} from "@/server/services/metrics/call-totals";
import { OutcomeDeltas } from "@/server/services/metrics/outcome-totals";
import { recreditAfterAnsweredCalls } from "@/server/services/outcomes/credit-outcomes";
import { upsertCalls } from "./upsert-calls";

/**
 * The one writer of Call rows and call-task transitions (docs/dialer.md, "One writer"). Every transition and every Call
 * row files its change in the running totals (metrics/call-totals.ts) in the same transaction, so the totals always
 * equal a recount — whichever path wrote the row (placement, adoption after a crash, a result that beat our record):
 *
 * - `withCallRows(tx, fn)`: the writes of one transaction (creating tasks, a claim, a placement or adoption, a result);
 *   their totals are filed once, after `fn`, in key order — a busy script's totals row is then held only for that
 *   statement and the commit, and two transactions never lock totals rows in opposite orders.
 * - the set-based transitions below (`releaseClaims`, `failClaim`, `cancelPendingTasks`): one statement each that files
 *   its own totals and notifies the companies it moved.
 */
export async function withCallRows<T>(tx: Tx, fn: (rows: CallRows) => Promise<T>): Promise<T> {
  const rows = new CallRows(tx);
  const result = await fn(rows);
  const deltas = rows.takeDeltas();
  await addCallTotals(tx, deltas, rows.takeOutcomeDeltas());
  // 实时监控 of every app process hears of it at commit (docs/dialer.md, "One writer").
  await notifyDialerActivity(tx, [...rows.takeTouched(), ...deltas.map((d) => d.companyId)]);
  return result;
}

/** What a task row carries into the totals and the Call row. */
export interface TaskRef extends TotalsKey {
  id: string;
  patientId: string;
  mobile: string;
  createdAt: Date;
}

/** The patient's consultants at dial time, copied onto the Call row (归属咨询师, 归属网电咨询师). */
export interface Consultants {
  consultantId: string | null;
  onlineConsultantId: string | null;
}

export type NewTask = Prisma.CallTaskCreateManyInput & TotalsKey & { id: string; status: "pending" | "failed"; createdAt: Date };

/** An accepted placement to record (CallRows.placed / placedMany). */
export interface PlacedCall {
  task: TaskRef & Consultants;
  attempt: number;
  carrierCallId: string;
  callerId: string;
  dialedAt: Date;
  now: Date;
  claim: { claimedBy: string; placingAt?: Date };
  evenIfClaimLost: boolean;
}

export interface RecordedCall {
  id: string;
  /** The row was created by this write (not there before). */
  inserted: boolean;
  dialedAt: Date;
  durationSec: number;
}

export class CallRows {
  private deltas: TotalsDelta[] = [];
  private touched = new Set<string>();
  private outcome = new OutcomeDeltas();

  constructor(private readonly tx: Tx) {}

  /** @internal withCallRows files these. */
  takeDeltas(): TotalsDelta[] {
    const out = this.deltas;
    this.deltas = [];
    return out;
  }

  /** @internal withCallRows files these (re-credited bookings) with the calls' figures. */
  takeOutcomeDeltas(): OutcomeDeltas {
    const out = this.outcome;
    this.outcome = new OutcomeDeltas();
    return out;
  }

  /** @internal withCallRows notifies these companies' monitors. */
  takeTouched(): string[] {
    const out = [...this.touched];
    this.touched.clear();
    return out;
  }

  /** A write that files no totals (a claim: pending → dialing) still changes the seats the monitor shows. */
  touch(companyId: string): void {
    this.touched.add(companyId);
  }

  /** New tasks: pending (due at `nextAttemptAt`) or failed at creation with their reason. */
  async insertTasks(tasks: readonly NewTask[]): Promise<void> {
    for (let i = 0; i < tasks.length; i += 1000) await this.tx.callTask.createMany({ data: tasks.slice(i, i + 1000) });
    this.deltas.push(...tasks.map((t) => taskMoved(t, null, t.status)));
  }

  /** pending → dialing under a claim token (both count as 待呼: nothing to file). */
  async claim(taskIds: readonly string[], token: string, now: Date): Promise<void> {
    if (taskIds.length === 0) return;
    await this.tx.callTask.updateMany({
      where: { id: { in: [...taskIds] }, status: "pending" },
      data: { status: "dialing", claimedAt: now, claimedBy: token, placingAt: null, reason: null },
    });
  }

  /** A pending task waits: due again at `until`, with the rule that made it wait. */
  async defer(taskIds: readonly string[], until: Date, rule: DeferRule): Promise<void> {
    if (taskIds.length === 0) return;
    await this.tx.callTask.updateMany({ where: { id: { in: [...taskIds] }, status: "pending" }, data: { nextAttemptAt: until, reason: rule } });
  }

  /** pending → intercepted (拦截) for good, with the rule. */
  async intercept(taskIds: readonly string[], rule: InterceptRule, now: Date): Promise<number> {
    if (taskIds.length === 0) return 0;
    const moved = await this.tx.$queryRaw<(TotalsKey & { id: string; createdAt: Date })[]>`
      UPDATE "CallTask" SET status = 'intercepted', reason = ${rule}, "finishedAt" = ${now}, "claimedBy" = NULL, "updatedAt" = ${now}
      WHERE id = ANY(${[...taskIds]}::text[]) AND status = 'pending'
      RETURNING id, "companyId", "clinicId", "scriptId", source::text AS source, "createdAt"`;
    this.deltas.push(...moved.map((t) => taskMoved(t, "pending", "intercepted")));
    return moved.length;
  }

  /**
   * The carrier accepted an attempt: the task (still `dialing` under `claim`) becomes `inCall` with this attempt, and the
   * attempt's Call row is written — or, when a faster result already created it, filled in with what it lacks. Used by
   * the placement and by the adoption of a placement whose answer a crash lost (settle-placing-claims.ts). Without the
   * claim (recovered, or moved on by the result) the task is left alone; the Call row is still written when
   * `evenIfClaimLost` (a placement: the carrier did make that call).
   */
  async placed(p: PlacedCall): Promise<{ moved: boolean; call: RecordedCall | null }> {
    return (await this.placedMany([p]))[0]!;
  }

  /**
   * `placed` for many accepted attempts in three statements (batched placement, docs/dialer.md): their task rows locked
   * in id order, the tasks still under their claims moved to `inCall`, and the Call rows written by one
   * INSERT … ON CONFLICT. Results in the order of `calls`.
   */
  async placedMany(calls: readonly PlacedCall[]): Promise<{ moved: boolean; call: RecordedCall | null }[]> {
    if (calls.length === 0) return [];
    // The task rows first, as a result does: a result arriving meanwhile waits instead of deadlocking. In id order, so two
    // batches never take the same rows in opposite orders.
    const ids = [...new Set(calls.map((c) => c.task.id))].sort();
    await this.tx.$queryRaw`SELECT id FROM "CallTask" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR NO KEY UPDATE`;
    const claims = calls.map((c) => ({ id: c.task.id, attempt: c.attempt, claimedBy: c.claim.claimedBy, placingAt: c.claim.placingAt ?? null, now: c.now }));
    const moved = new Set(
      (
        await this.tx.$queryRaw<{ id: string }[]>`
          UPDATE "CallTask" t SET status = 'inCall', attempt = v.attempt, "updatedAt" = v.now
          FROM jsonb_to_recordset(${JSON.stringify(claims)}::jsonb) AS v(id text, attempt int, "claimedBy" text, "placingAt" timestamp(3), now timestamp(3))
          WHERE t.id = v.id AND t.status = 'dialing' AND t."claimedBy" = v."claimedBy" AND (v."placingAt" IS NULL OR t."placingAt" = v."placingAt")
          RETURNING t.id`
      ).map((r) => r.id),
    );
    const recorded = await upsertCalls(
      this.tx,
      calls.filter((c) => moved.has(c.task.id) || c.evenIfClaimLost).map((c) => ({ ...c, result: null })),
    );
    return calls.map((c) => {
      const call = recorded.get(c.task.id) ?? null;
      const isMoved = moved.has(c.task.id);
      if (isMoved) this.deltas.push(taskMoved(c.task, "dialing", "inCall"));
      if (call) this.deltas.push(callCounted({ ...c.task, taskId: c.task.id, dialedAt: call.dialedAt }, { created: call.inserted }));
      return { moved: isMoved, call };
    });
  }

  /**
   * Attempts' results onto their Call rows (created where a result beat our own record), once, in one statement: for
   * each item its row, or null when the row already had a result (a duplicate or late copy). At most one item per task.
   * Files the calls' figures and, when answered, their patients under 接听客户数. The caller holds the tasks' locks
   * (applyAttemptResults) and moves them with `moveLockedTasks`.
   */
  async attemptResults(items: readonly { task: TaskRef & Consultants; attempt: number; result: AttemptCompleted }[], now: Date): Promise<(RecordedCall | null)[]> {
    const written = await upsertCalls(
      this.tx,
      items.map(({ task, attempt, result }) => ({ task, attempt, carrierCallId: result.carrierCallId, callerId: result.callerId, dialedAt: new Date(result.dialedAt), now, result })),
    );
    const calls = items.map(({ task, attempt, result }) => {
      const call = written.get(task.id) ?? null;
      const outcome = attemptOutcome(result);
      const answered = outcome === "answered";
      const rounds = roundsOfAttempt(result.turns, result.rounds);
      return { task, attempt, result, call, answered, rounds, failed: outcome === "failed" };
    });
    const answered = calls.filter((c) => c.call && c.answered);
    await addAnsweredPatients(this.tx, answered.map((c) => ({ ...c.task, effective: isEffectiveDialogue({ answered: true, rounds: c.rounds }) })));
    // 效果分析: a late answered call may take the credit of the patient's bookings made after it (docs/outcomes.md).
    await recreditAfterAnsweredCalls(
      this.tx,
      answered.map((c) => ({ companyId: c.task.companyId, patientId: c.task.patientId, at: c.result.answeredAt ? new Date(c.result.answeredAt) : c.call!.dialedAt })),
      this.outcome,
    );
    for (const c of calls) {
      if (!c.call) continue;
      const result = { answered: c.answered, failed: c.failed, rounds: c.rounds, durationSec: c.call.durationSec };
      this.deltas.push(callCounted({ ...c.task, taskId: c.task.id, dialedAt: c.call.dialedAt }, { created: c.call.inserted, result }));
    }
    return calls.map((c) => c.call);
  }

  /**
   * Tasks locked by the caller, each from `from` to `to` (redial pending, ended, cancelled …) with its claim cleared, in
   * one statement. At most one move per task.
   */
  async moveLockedTasks(moves: readonly LockedTaskMove[], now: Date): Promise<void> {
    if (moves.length === 0) return;
    const rows = moves.map((m) => ({ id: m.task.id, status: m.to, attempt: m.attempt, lastOutcome: m.lastOutcome, nextAttemptAt: m.nextAttemptAt ?? null, reason: m.reason, finishedAt: m.finishedAt ?? null }));
    await this.tx.$executeRaw`
      UPDATE "CallTask" t SET status = v.status::"CallTaskStatus", "claimedBy" = NULL, "claimedAt" = NULL, "placingAt" = NULL, attempt = v.attempt,
             "lastOutcome" = v."lastOutcome"::"CallOutcome", "nextAttemptAt" = coalesce(v."nextAttemptAt", t."nextAttemptAt"), reason = v.reason,
             "finishedAt" = coalesce(v."finishedAt", t."finishedAt"), "updatedAt" = ${now}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(id text, status text, attempt int, "lastOutcome" text, "nextAttemptAt" timestamp(3), reason text, "finishedAt" timestamp(3))
      WHERE t.id = v.id`;
    this.deltas.push(...moves.map((m) => taskMoved(m.task, m.from, m.to)));
  }
}

/** A locked task's move after an attempt (CallRows.moveLockedTasks): unset dates are left as they are. */
export interface LockedTaskMove {
  task: TaskRef;
  from: TaskStatus;
  to: TaskStatus;
  attempt: number;
  lastOutcome: string;
  reason: string | null;
  nextAttemptAt?: Date;
  finishedAt?: Date;
}

/** Locks a task row for the rest of the transaction (placements and results take it first). */
export async function lockTask(tx: Tx, taskId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "CallTask" WHERE id = ${taskId} FOR NO KEY UPDATE`;
}

/** A set-based transition, heard by 实时监控 of every app process at commit (like withCallRows's writes). */
async function moveAndNotify(tx: Tx, move: Parameters<typeof moveTasks>[1]): Promise<number> {
  const { count, companyIds } = await moveTasks(tx, move);
  await notifyDialerActivity(tx, companyIds);
  return count;
}

/** A claim's fields cleared: the task is no longer being placed. */
const CLEAR_CLAIM = Prisma.sql`"claimedBy" = NULL, "claimedAt" = NULL, "placingAt" = NULL`;

/**
 * dialing → pending, same attempt: claims that never reached the carrier (or that it refused, or that it turned out not
 * to know) are released to be claimed again at `nextAttemptAt`. Both count as 待呼, so the totals do not change.
 */
export async function releaseClaims(
  tx: Tx,
  p: { where: Prisma.Sql; now: Date; nextAttemptAt: Date; reason: string; /** the carrier refused it (backoff and cap) */ countRefusal?: boolean },
): Promise<number> {
  const refusals = p.countRefusal ? Prisma.sql`, "vendorRefusals" = t."vendorRefusals" + 1` : Prisma.empty;
  return moveAndNotify(tx, {
    from: "dialing",
    to: "pending",
    set: Prisma.sql`${CLEAR_CLAIM}, "nextAttemptAt" = ${p.nextAttemptAt}, reason = ${p.reason}, "updatedAt" = ${p.now}${refusals}`,
    where: p.where,
  });
}

/** dialing → failed (失败原因 `reason`) for a claim still held by `claimToken`. */
export async function failClaim(tx: Tx, claim: { taskId: string; claimToken: string }, reason: string, now: Date): Promise<number> {
  return moveAndNotify(tx, {
    from: "dialing",
    to: "failed",
    set: Prisma.sql`reason = ${reason}, "finishedAt" = ${now}, ${CLEAR_CLAIM}, "updatedAt" = ${now}`,
    where: Prisma.sql`t.id = ${claim.taskId} AND t."claimedBy" = ${claim.claimToken}`,
  });
}

/** dialing → intercepted (拦截) with `reason`: the carrier will not let us call this patient (vendor-errors.ts). */
export async function interceptClaim(tx: Tx, claim: { taskId: string; claimToken: string }, reason: string, now: Date): Promise<number> {
  return moveAndNotify(tx, {
    from: "dialing",
    to: "intercepted",
    set: Prisma.sql`reason = ${reason}, "finishedAt" = ${now}, ${CLEAR_CLAIM}, "updatedAt" = ${now}`,
    where: Prisma.sql`t.id = ${claim.taskId} AND t."claimedBy" = ${claim.claimToken}`,
  });
}

/**
 * placingAt is written before the carrier is asked (docs/dialer.md), for many claims in one statement: the task ids whose
 * claims were still ours to place (the others were recovered or moved on).
 */
export async function markPlacing(tx: Tx, claims: readonly { taskId: string; claimToken: string }[], now: Date): Promise<Set<string>> {
  if (claims.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "CallTask" t SET "placingAt" = ${now}, "updatedAt" = ${now}
    FROM unnest(${claims.map((c) => c.taskId)}::text[], ${claims.map((c) => c.claimToken)}::text[]) AS v(id, token)
    WHERE t.id = v.id AND t.status = 'dialing' AND t."claimedBy" = v.token AND t."placingAt" IS NULL
    RETURNING t.id`;
  return new Set(rows.map((r) => r.id));
}

/**
 * 话术停用: undialed (pending) tasks are cancelled with 话术停用 — of one script (in the transaction that stops it), or
 * of every stopped script (the tick's safety net). Tasks in a call finish it; applyAttemptResult then cancels their redial.
 */
export async function cancelPendingTasks(tx: Tx, which: { scriptId: string } | { stoppedScripts: true; companyId?: string }, now: Date): Promise<number> {
  const where =
    "scriptId" in which
      ? Prisma.sql`t."scriptId" = ${which.scriptId}`
      : Prisma.sql`t."scriptId" IN (SELECT s.id FROM "Script" s WHERE s.status = 'stopped'
          ${which.companyId ? Prisma.sql`AND s."companyId" = ${which.companyId}` : Prisma.empty})
          ${which.companyId ? Prisma.sql`AND t."companyId" = ${which.companyId}` : Prisma.empty}`;
  return moveAndNotify(tx, {
    from: "pending",
    to: "cancelled",
    set: Prisma.sql`reason = 'scriptStopped', "finishedAt" = ${now}, "updatedAt" = ${now}`,
    where,
  });
}

/** 外呼批次 → 取消: the batch's undialed (pending) tasks are cancelled; tasks in a call finish it without a redial. */
export async function cancelPendingBatchTasks(tx: Tx, batchId: string, now: Date): Promise<number> {
  return moveAndNotify(tx, {
    from: "pending",
    to: "cancelled",
    set: Prisma.sql`reason = 'batchCancelled', "finishedAt" = ${now}, "updatedAt" = ${now}`,
    where: Prisma.sql`t."batchId" = ${batchId}`,
  });
}
