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
import { OutcomeDeltas } from "@/server/services/metrics/outcome-totals";
import { recreditAfterAnsweredCall } from "@/server/services/outcomes/credit-outcomes";
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
   * An attempt's result onto its Call row (created if the result beat our own record), once: null when the row already
   * had one (a duplicate or late copy). Files the call's figures and, when answered, its patient under 接听客户数.
   * The caller holds the task's lock (applyAttemptResult) and moves the task with `moveTask`.
   */
  async attemptResult(task: TaskRef & Consultants, attempt: number, result: AttemptCompleted, now: Date): Promise<RecordedCall | null> {
    const call = (
      await upsertCalls(this.tx, [{ task, attempt, carrierCallId: result.carrierCallId, callerId: result.callerId, dialedAt: new Date(result.dialedAt), now, result }])
    ).get(task.id);
    if (!call) return null;
    const outcome = attemptOutcome(result);
    const answered = outcome === "answered";
    const rounds = roundsOfAttempt(result.turns, result.rounds);
    if (answered) {
      await addAnsweredPatient(this.tx, { ...task, patientId: task.patientId, effective: isEffectiveDialogue({ answered, rounds }) });
      // 效果分析: a late answered call may take the credit of the patient's bookings made after it (docs/outcomes.md).
      await recreditAfterAnsweredCall(this.tx, { companyId: task.companyId, patientId: task.patientId, at: result.answeredAt ? new Date(result.answeredAt) : call.dialedAt }, this.outcome);
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

type CallRowInput = { task: TaskRef & Consultants; attempt: number; carrierCallId: string; callerId: string; dialedAt: Date; now: Date; result: AttemptCompleted | null };

/**
 * The one INSERT … ON CONFLICT of Call rows: from placements (no result) or from one result; all rows of one call
 * here are of the same kind. The rows travel as one jsonb parameter (jsonb_to_recordset), so a batch is one statement.
 * Returns the rows written, by task id (a row whose result was already there is not written: absent).
 */
async function upsertCalls(tx: Tx, calls: readonly CallRowInput[]): Promise<Map<string, RecordedCall>> {
  if (calls.length === 0) return new Map();
  const withResult = calls[0]!.result !== null;
  if (calls.some((c) => (c.result !== null) !== withResult)) throw new Error("upsertCalls: placements and results are written separately");
  const onConflict = withResult
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
  const rows = calls.map((c) => {
      const r = c.result;
      const t = c.task;
      return {
        id: newRowId(),
        companyId: t.companyId,
        clinicId: t.clinicId,
        scriptId: t.scriptId,
        taskId: t.id,
        patientId: t.patientId,
        mobile: t.mobile,
        attempt: c.attempt,
        carrierCallId: c.carrierCallId,
        callerId: c.callerId,
        outcome: r ? attemptOutcome(r) : null,
        carrierOutcome: r?.outcome ?? null,
        rawCode: r?.rawCode ?? null,
        dialedAt: c.dialedAt,
        answeredAt: r?.answeredAt ? new Date(r.answeredAt) : null,
        endedAt: r ? new Date(r.endedAt) : null,
        durationSec: r ? Math.max(0, Math.round(r.talkSeconds)) : 0,
        ringSec: r ? Math.max(0, Math.round(r.ringSeconds)) : 0,
        rounds: r ? roundsOfAttempt(r.turns, r.rounds) : 0,
        transcript: r ? (r.turns ?? []) : null,
        hangupBy: r?.hangupBy ?? null,
        transferredTo: r?.transferredTo ?? null,
        transferAnswered: r?.transferredTo ? (r.transferAnswered ?? null) : null,
        vendorExtraction: r?.extraction ?? null,
        consultantId: t.consultantId,
        onlineConsultantId: t.onlineConsultantId,
        createdAt: c.now,
      };
    });
  const written = await tx.$queryRaw<(RecordedCall & { taskId: string })[]>`
    INSERT INTO "Call" (id, "companyId", "clinicId", "scriptId", "taskId", "patientId", mobile, attempt, "carrierCallId", "callerId",
                        outcome, "carrierOutcome", "rawCode", "dialedAt", "answeredAt", "endedAt", "durationSec", "ringSec", rounds,
                        transcript, "hangupBy", "transferredTo", "transferAnswered", "vendorExtraction", "consultantId", "onlineConsultantId", "variantId", "createdAt")
    SELECT v.id, v."companyId", v."clinicId", v."scriptId", v."taskId", v."patientId", v.mobile, v.attempt, v."carrierCallId", v."callerId",
           v.outcome::"CallOutcome", v."carrierOutcome", v."rawCode", v."dialedAt", v."answeredAt", v."endedAt", v."durationSec", v."ringSec", v.rounds,
           v.transcript, v."hangupBy", v."transferredTo", v."transferAnswered", v."vendorExtraction", v."consultantId", v."onlineConsultantId", t."variantId", v."createdAt"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(
      id text, "companyId" text, "clinicId" text, "scriptId" text, "taskId" text, "patientId" text, mobile text, attempt int,
      "carrierCallId" text, "callerId" text, outcome text, "carrierOutcome" text, "rawCode" text, "dialedAt" timestamp(3),
      "answeredAt" timestamp(3), "endedAt" timestamp(3), "durationSec" int, "ringSec" int, rounds int, transcript jsonb,
      "hangupBy" text, "transferredTo" text, "transferAnswered" boolean, "vendorExtraction" jsonb, "consultantId" text, "onlineConsultantId" text, "createdAt" timestamp(3))
    LEFT JOIN "CallTask" t ON t.id = v."taskId"
    ORDER BY v."taskId"
    ON CONFLICT ("taskId", attempt) DO UPDATE SET ${onConflict}
    RETURNING id, "taskId", (xmax = 0) AS inserted, "dialedAt", "durationSec"`;
  return new Map(written.map(({ taskId, ...call }) => [taskId, call]));
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
