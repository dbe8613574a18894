import type { Tx } from "@/server/db/create-client";
import { notifyDialerActivity } from "@/server/db/dialer-activity";
import { attemptOutcome } from "@/server/domain/calls/unreached-outcome";
import { isEffectiveDialogue } from "@/server/domain/calls/call-metrics";
import { roundsOfAttempt } from "@/server/domain/calls/transcript";
import type { DeferRule, InterceptRule } from "@/server/domain/calling-policy";
import { Prisma } from "@/server/generated/prisma/client";
import type { AttemptCompleted } from "@/server/ports/carrier";
import {
  addAnsweredPatient,
  addCallTotals,
  callCounted,
  moveTasks,
  taskMoved,
  type TaskStatus,
  type TotalsDelta,
  type TotalsKey,
} from "@/server/services/metrics/call-totals";
import { newRowId } from "./row-id";

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
  await addCallTotals(tx, deltas);
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

  constructor(private readonly tx: Tx) {}

  /** @internal withCallRows files these. */
  takeDeltas(): TotalsDelta[] {
    const out = this.deltas;
    this.deltas = [];
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
  async placed(p: {
    task: TaskRef & Consultants;
    attempt: number;
    carrierCallId: string;
    callerId: string;
    dialedAt: Date;
    now: Date;
    claim: { claimedBy: string; placingAt?: Date };
    evenIfClaimLost: boolean;
  }): Promise<{ moved: boolean; call: RecordedCall | null }> {
    // The task row first, as a result does: a result arriving meanwhile waits instead of deadlocking.
    await lockTask(this.tx, p.task.id);
    const { count } = await this.tx.callTask.updateMany({
      where: { id: p.task.id, status: "dialing", claimedBy: p.claim.claimedBy, ...(p.claim.placingAt ? { placingAt: p.claim.placingAt } : {}) },
      data: { status: "inCall", attempt: p.attempt },
    });
    if (count === 0 && !p.evenIfClaimLost) return { moved: false, call: null };
    const call = (await upsertCall(this.tx, { ...p, result: null }))!;
    if (count) this.deltas.push(taskMoved(p.task, "dialing", "inCall"));
    this.deltas.push(callCounted({ ...p.task, taskId: p.task.id, dialedAt: call.dialedAt }, { created: call.inserted }));
    return { moved: count > 0, call };
  }

  /**
   * An attempt's result onto its Call row (created if the result beat our own record), once: null when the row already
   * had one (a duplicate or late copy). Files the call's figures and, when answered, its patient under 接听客户数.
   * The caller holds the task's lock (applyAttemptResult) and moves the task with `moveTask`.
   */
  async attemptResult(task: TaskRef & Consultants, attempt: number, result: AttemptCompleted, now: Date): Promise<RecordedCall | null> {
    const call = await upsertCall(this.tx, {
      task,
      attempt,
      carrierCallId: result.carrierCallId,
      callerId: result.callerId,
      dialedAt: new Date(result.dialedAt),
      now,
      result,
    });
    if (!call) return null;
    const outcome = attemptOutcome(result);
    const answered = outcome === "answered";
    const rounds = roundsOfAttempt(result.turns, result.rounds);
    if (answered) {
      await addAnsweredPatient(this.tx, { ...task, patientId: task.patientId, effective: isEffectiveDialogue({ answered, rounds }) });
    }
    this.deltas.push(callCounted({ ...task, taskId: task.id, dialedAt: call.dialedAt }, { created: call.inserted, result: { answered, failed: outcome === "failed", rounds, durationSec: call.durationSec } }));
    return call;
  }

  /** One task, locked by the caller, from `from` to `to` (redial pending, ended, cancelled …). */
  async moveTask(task: TaskRef, from: TaskStatus, to: TaskStatus, data: Omit<Prisma.CallTaskUpdateInput, "status">): Promise<void> {
    await this.tx.callTask.update({ where: { id: task.id }, data: { ...data, status: to } });
    this.deltas.push(taskMoved(task, from, to));
  }
}

/** Locks a task row for the rest of the transaction (placements and results take it first). */
export async function lockTask(tx: Tx, taskId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "CallTask" WHERE id = ${taskId} FOR NO KEY UPDATE`;
}

/** The one INSERT … ON CONFLICT of a Call row: from a placement (no result) or from a result. */
async function upsertCall(
  tx: Tx,
  c: { task: TaskRef & Consultants; attempt: number; carrierCallId: string; callerId: string; dialedAt: Date; now: Date; result: AttemptCompleted | null },
): Promise<RecordedCall | null> {
  const r = c.result;
  const onConflict = r
    ? // A result fills a row that has none; the carrier's caller id wins over the one the placement stored.
      Prisma.sql`
      "carrierCallId" = coalesce("Call"."carrierCallId", EXCLUDED."carrierCallId"),
      "callerId" = coalesce(EXCLUDED."callerId", "Call"."callerId"),
      outcome = EXCLUDED.outcome, "carrierOutcome" = EXCLUDED."carrierOutcome", "rawCode" = EXCLUDED."rawCode",
      "answeredAt" = EXCLUDED."answeredAt", "endedAt" = EXCLUDED."endedAt", "durationSec" = EXCLUDED."durationSec",
      "ringSec" = EXCLUDED."ringSec", rounds = EXCLUDED.rounds, transcript = EXCLUDED.transcript, "hangupBy" = EXCLUDED."hangupBy",
      "transferredTo" = EXCLUDED."transferredTo", "transferAnswered" = EXCLUDED."transferAnswered", "vendorExtraction" = EXCLUDED."vendorExtraction"
    WHERE "Call".outcome IS NULL`
    : // A placement after a faster result: keep the result (and its dialedAt), fill in only what it lacks.
      Prisma.sql`
      "carrierCallId" = coalesce("Call"."carrierCallId", EXCLUDED."carrierCallId"),
      "callerId" = coalesce("Call"."callerId", EXCLUDED."callerId")`;
  const t = c.task;
  const rows = await tx.$queryRaw<RecordedCall[]>`
    INSERT INTO "Call" (id, "companyId", "clinicId", "scriptId", "taskId", "patientId", mobile, attempt, "carrierCallId", "callerId",
                        outcome, "carrierOutcome", "rawCode", "dialedAt", "answeredAt", "endedAt", "durationSec", "ringSec", rounds,
                        transcript, "hangupBy", "transferredTo", "transferAnswered", "vendorExtraction", "consultantId", "onlineConsultantId", "variantId", "createdAt")
    VALUES (${newRowId()}, ${t.companyId}, ${t.clinicId}, ${t.scriptId}, ${t.id}, ${t.patientId}, ${t.mobile}, ${c.attempt},
            ${c.carrierCallId}, ${c.callerId}, ${r ? attemptOutcome(r) : null}::"CallOutcome", ${r?.outcome ?? null}, ${r?.rawCode ?? null},
            ${c.dialedAt}, ${r?.answeredAt ? new Date(r.answeredAt) : null}, ${r ? new Date(r.endedAt) : null},
            ${r ? Math.max(0, Math.round(r.talkSeconds)) : 0}, ${r ? Math.max(0, Math.round(r.ringSeconds)) : 0}, ${r ? roundsOfAttempt(r.turns, r.rounds) : 0},
            ${r ? JSON.stringify(r.turns ?? []) : null}::jsonb, ${r?.hangupBy ?? null}, ${r?.transferredTo ?? null}, ${r?.transferredTo ? (r.transferAnswered ?? null) : null},
            ${r?.extraction ? JSON.stringify(r.extraction) : null}::jsonb, ${t.consultantId}, ${t.onlineConsultantId},
            (SELECT "variantId" FROM "CallTask" WHERE id = ${t.id}), ${c.now})
    ON CONFLICT ("taskId", attempt) DO UPDATE SET ${onConflict}
    RETURNING id, (xmax = 0) AS inserted, "dialedAt", "durationSec"`;
  return rows[0] ?? null;
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

/** placingAt is written before the carrier is asked (docs/dialer.md): false when the claim is no longer ours to place. */
export async function markPlacing(tx: Tx, claim: { taskId: string; claimToken: string }, now: Date): Promise<boolean> {
  const { count } = await tx.callTask.updateMany({
    where: { id: claim.taskId, status: "dialing", claimedBy: claim.claimToken, placingAt: null },
    data: { placingAt: now },
  });
  return count > 0;
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
