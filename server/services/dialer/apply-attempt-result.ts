import type { PrismaClient, Tx } from "@/server/db/create-client";
import { planAfterAttempt } from "@/server/domain/calling-policy";
import { toCallOutcome, type AttemptCompleted, type CarrierOutcome } from "@/server/ports/carrier";
import { redialOutcomeOf, unreachedOutcomeOf, type UnreachedOutcome } from "@/server/domain/calls/unreached-outcome";
import { billedMinutes, debitCall } from "./call-balance";
import { parseClientRef } from "./dialer-settings";
import { pauseScriptsForInsufficientBalance } from "@/server/services/scripts/pause-scripts-for-insufficient-balance";
import { newRowId } from "./row-id";
import { EFFECTIVE_DIALOGUE_MIN_ROUNDS } from "@/server/domain/calls/call-metrics";
import { addAnsweredPatient, addCallTotals, callCounted, taskMoved, type TaskStatus } from "@/server/services/metrics/call-totals";

type CallOutcome = ReturnType<typeof toCallOutcome> | UnreachedOutcome;

/** 通话状态 of an attempt: the carrier's, unless what answered was not the patient (voicemail, 秘书台, wrong number …). */
const outcomeOfAttempt = (r: AttemptCompleted): CallOutcome => unreachedOutcomeOf(r) ?? toCallOutcome(r.outcome);

export type AppliedAttempt =
  | {
      applied: true;
      callId: string;
      taskId: string;
      companyId: string;
      scriptId: string;
      patientId: string;
      attempt: number;
      outcome: CallOutcome;
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

type TaskRow = {
  id: string;
  companyId: string;
  clinicId: string;
  scriptId: string;
  patientId: string;
  mobile: string | null;
  status: TaskStatus;
  source: "batch" | "journey";
  createdAt: Date;
  attempt: number;
  maxAttempts: number;
  scriptStatus: string;
  redialIntervalMin: number;
  consultantId: string | null;
  onlineConsultantId: string | null;
};

/**
 * The state transition when an attempt completes (the carrier's attempt.completed, delivered at least once and in any
 * order). The Call row for (task, attempt) gets its result once — a duplicate or a late copy changes nothing — and the
 * task moves on: redial pending (attempt kept, nextAttemptAt = end + interval) for a retryable outcome with attempts
 * left, else ended. Answered calls are debited per started minute; an exhausted balance pauses the company's scripts.
 */
export async function applyAttemptResult(db: PrismaClient, result: AttemptCompleted, now: Date = new Date()): Promise<AppliedAttempt> {
  const ref = parseClientRef(result.clientRef);
  if (!ref) return { applied: false, why: "unknownClientRef" };
  return db.$transaction(async (tx) => {
    const [task] = await tx.$queryRaw<TaskRow[]>`
      SELECT t.id, t."companyId", t."clinicId", t."scriptId", t."patientId", t.mobile, t.status::text AS status, t.source::text AS source, t."createdAt", t.attempt,
             t."maxAttempts", s.status::text AS "scriptStatus", c."redialIntervalMin", p."consultantId", p."onlineConsultantId"
      FROM "CallTask" t
        JOIN "Script" s ON s.id = t."scriptId"
        JOIN "Company" c ON c.id = t."companyId"
        JOIN "Patient" p ON p.id = t."patientId"
      WHERE t.id = ${ref.taskId}
      FOR NO KEY UPDATE OF t`;
    if (!task) return { applied: false, why: "unknownClientRef" };

    const recorded = await recordResult(tx, task, ref.attempt, result);
    if (!recorded) {
      const existing = await tx.call.findUnique({ where: { taskId_attempt: { taskId: task.id, attempt: ref.attempt } }, select: { id: true } });
      return { applied: false, why: "duplicate", ...(existing ? { callId: existing.id } : {}) };
    }

    const endedAt = new Date(result.endedAt);
    const outcome = outcomeOfAttempt(result);
    const unreached = unreachedOutcomeOf(result);
    const current =
      task.status === "inCall" ? task.attempt === ref.attempt : (task.status === "dialing" || task.status === "pending") && task.attempt + 1 === ref.attempt;
    const callId = recorded.id;
    let next: "redial" | "ended" | "cancelled" | "untouched" = "untouched";
    let redialAt: Date | null = null;
    if (current) {
      const plan = planAfterAttempt(unreached ? redialOutcomeOf(unreached) : result.outcome, ref.attempt, endedAt, { maxAttempts: task.maxAttempts, intervalMin: task.redialIntervalMin });
      const release = { claimedBy: null, claimedAt: null, placingAt: null, attempt: ref.attempt, lastOutcome: outcome };
      if (plan.kind === "redial" && task.scriptStatus !== "stopped") {
        next = "redial";
        redialAt = plan.at;
        await tx.callTask.update({ where: { id: task.id }, data: { ...release, status: "pending", nextAttemptAt: plan.at, reason: "redialScheduled" } });
      } else if (plan.kind === "redial") {
        next = "cancelled";
        await tx.callTask.update({ where: { id: task.id }, data: { ...release, status: "cancelled", reason: "scriptStopped", finishedAt: endedAt } });
      } else {
        next = "ended";
        const reason = outcome === "failed" ? "carrierFailed" : outcome === "wrongNumber" ? "wrongNumber" : null;
        await tx.callTask.update({ where: { id: task.id }, data: { ...release, status: "ended", reason, finishedAt: endedAt } });
      }
    }

    const answered = outcome === "answered";
    const rounds = Math.max(0, result.rounds);
    const key = { companyId: task.companyId, clinicId: task.clinicId, scriptId: task.scriptId, source: task.source };
    if (answered) await addAnsweredPatient(tx, { ...key, patientId: task.patientId, effective: rounds >= EFFECTIVE_DIALOGUE_MIN_ROUNDS });

    // A connected voicemail or wrong number is still billed by the carrier.
    const minutes = billedMinutes(result.talkSeconds, result.outcome === "answered");
    const balanceAfter = await debitCall(tx, { companyId: task.companyId, callId, minutes, at: now });
    const pausedScripts = balanceAfter !== null && balanceAfter <= 0 ? (await pauseScriptsForInsufficientBalance(tx, task.companyId)).length : 0;
    // Last, so the script's (hot) totals row is held only for this statement and the commit.
    await addCallTotals(tx, [
      ...(next === "untouched" ? [] : [taskMoved({ ...key, id: task.id, createdAt: task.createdAt }, task.status, next === "redial" ? "pending" : next)]),
      callCounted({ ...key, taskId: task.id, dialedAt: recorded.dialedAt }, { created: recorded.inserted, result: { answered, rounds, durationSec: recorded.durationSec } }),
    ]);

    return {
      applied: true,
      callId,
      taskId: task.id,
      companyId: task.companyId,
      scriptId: task.scriptId,
      patientId: task.patientId,
      attempt: ref.attempt,
      outcome,
      carrierOutcome: result.outcome,
      task: next,
      redialAt,
      balanceAfter,
      pausedScripts,
    };
  });
}

/** Writes the result onto the attempt's Call row (creating it if the result beat our own record); null if it had one. */
async function recordResult(
  tx: Tx,
  task: TaskRow,
  attempt: number,
  r: AttemptCompleted,
): Promise<{ id: string; inserted: boolean; dialedAt: Date; durationSec: number } | null> {
  const outcome = outcomeOfAttempt(r);
  const answeredAt = r.answeredAt ? new Date(r.answeredAt) : null;
  const turns = JSON.stringify(r.turns ?? []);
  const rows = await tx.$queryRaw<{ id: string; inserted: boolean; dialedAt: Date; durationSec: number }[]>`
    INSERT INTO "Call" (id, "companyId", "clinicId", "scriptId", "taskId", "patientId", mobile, attempt, "carrierCallId", "callerId",
                        outcome, "carrierOutcome", "rawCode", "dialedAt", "answeredAt", "endedAt", "durationSec", "ringSec", rounds,
                        transcript, "hangupBy", "consultantId", "onlineConsultantId", "createdAt")
    VALUES (${newRowId()}, ${task.companyId}, ${task.clinicId}, ${task.scriptId}, ${task.id}, ${task.patientId}, ${task.mobile ?? ""},
            ${attempt}, ${r.carrierCallId}, ${r.callerId}, ${outcome}::"CallOutcome", ${r.outcome}, ${r.rawCode}, ${new Date(r.dialedAt)},
            ${answeredAt}, ${new Date(r.endedAt)}, ${Math.max(0, Math.round(r.talkSeconds))}, ${Math.max(0, Math.round(r.ringSeconds))},
            ${Math.max(0, r.rounds)}, ${turns}::jsonb, ${r.hangupBy}, ${task.consultantId}, ${task.onlineConsultantId}, ${new Date()})
    ON CONFLICT ("taskId", attempt) DO UPDATE SET
      "carrierCallId" = coalesce("Call"."carrierCallId", EXCLUDED."carrierCallId"),
      "callerId" = coalesce(EXCLUDED."callerId", "Call"."callerId"),
      outcome = EXCLUDED.outcome, "carrierOutcome" = EXCLUDED."carrierOutcome", "rawCode" = EXCLUDED."rawCode",
      "answeredAt" = EXCLUDED."answeredAt", "endedAt" = EXCLUDED."endedAt", "durationSec" = EXCLUDED."durationSec",
      "ringSec" = EXCLUDED."ringSec", rounds = EXCLUDED.rounds, transcript = EXCLUDED.transcript, "hangupBy" = EXCLUDED."hangupBy"
    WHERE "Call".outcome IS NULL
    RETURNING id, (xmax = 0) AS inserted, "dialedAt", "durationSec"`;
  return rows[0] ?? null;
}
