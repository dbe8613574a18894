import type { PrismaClient } from "@/server/db/create-client";
import { parseClientRef } from "@/server/domain/call-tasks/client-ref";
import type { CallOutcome, CarrierOutcome } from "@/server/domain/calls/call-outcome";
import type { UnreachedOutcome } from "@/server/domain/calls/unreached-outcome";
import { attemptOutcome, redialOutcomeOf, unreachedOutcomeOf } from "@/server/domain/calls/unreached-outcome";
import { companyLimits, planAfterAttempt } from "@/server/domain/calling-policy";
import type { AttemptCompleted } from "@/server/ports/carrier";
import type { TaskStatus } from "@/server/services/metrics/call-totals";
import { pauseScriptsForInsufficientBalance } from "@/server/services/scripts/pause-scripts-for-insufficient-balance";
import { billedMinutes, debitCall } from "./call-balance";
import { withCallRows, type Consultants, type TaskRef } from "./call-rows";

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

/**
 * The state transition when an attempt completes (the carrier's attempt.completed, delivered at least once and in any
 * order). The Call row for (task, attempt) gets its result once — a duplicate or a late copy changes nothing — and the
 * task moves on: redial pending (attempt kept, nextAttemptAt = end + interval) for a retryable outcome with attempts
 * left, else ended. Answered calls are debited per started minute; an exhausted balance pauses the company's scripts.
 */
export async function applyAttemptResult(db: PrismaClient, result: AttemptCompleted, now: Date = new Date()): Promise<AppliedAttempt> {
  const ref = parseClientRef(result.clientRef);
  if (!ref) return { applied: false, why: "unknownClientRef" };
  return db.$transaction((tx) =>
    withCallRows(tx, async (rows): Promise<AppliedAttempt> => {
      const [task] = await tx.$queryRaw<TaskRow[]>`
        SELECT t.id, t."companyId", t."clinicId", t."scriptId", t."patientId", coalesce(t.mobile, '') AS mobile, t.status::text AS status,
               t.source::text AS source, t."createdAt", t.attempt, t."maxAttempts", s.status::text AS "scriptStatus", b.status::text AS "batchStatus", c."redialIntervalMin",
               p."consultantId", p."onlineConsultantId"
        FROM "CallTask" t
          JOIN "Script" s ON s.id = t."scriptId"
          JOIN "Company" c ON c.id = t."companyId"
          JOIN "Patient" p ON p.id = t."patientId"
          LEFT JOIN "CallBatch" b ON b.id = t."batchId"
        WHERE t.id = ${ref.taskId}
        FOR NO KEY UPDATE OF t`;
      if (!task) return { applied: false, why: "unknownClientRef" };

      const recorded = await rows.attemptResult(task, ref.attempt, result, now);
      if (!recorded) {
        const existing = await tx.call.findUnique({ where: { taskId_attempt: { taskId: task.id, attempt: ref.attempt } }, select: { id: true } });
        return { applied: false, why: "duplicate", ...(existing ? { callId: existing.id } : {}) };
      }

      const endedAt = new Date(result.endedAt);
      const outcome = attemptOutcome(result);
      const unreached = unreachedOutcomeOf(result);
      const current =
        task.status === "inCall" ? task.attempt === ref.attempt : (task.status === "dialing" || task.status === "pending") && task.attempt + 1 === ref.attempt;
      let next: "redial" | "ended" | "cancelled" | "untouched" = "untouched";
      let redialAt: Date | null = null;
      if (current) {
        const { redialIntervalMin } = companyLimits({ redialIntervalMin: task.redialIntervalMin });
        const plan = planAfterAttempt(unreached ? redialOutcomeOf(unreached) : result.outcome, ref.attempt, endedAt, { maxAttempts: task.maxAttempts, intervalMin: redialIntervalMin });
        const release = { claimedBy: null, claimedAt: null, placingAt: null, attempt: ref.attempt, lastOutcome: outcome };
        if (plan.kind === "redial" && task.scriptStatus !== "stopped" && task.batchStatus !== "cancelled") {
          next = "redial";
          redialAt = plan.at;
          await rows.moveTask(task, task.status, "pending", { ...release, nextAttemptAt: plan.at, reason: "redialScheduled" });
        } else if (plan.kind === "redial") {
          next = "cancelled";
          await rows.moveTask(task, task.status, "cancelled", { ...release, reason: task.scriptStatus === "stopped" ? "scriptStopped" : "batchCancelled", finishedAt: endedAt });
        } else {
          next = "ended";
          await rows.moveTask(task, task.status, "ended", { ...release, reason: outcome === "failed" ? "carrierFailed" : outcome === "wrongNumber" ? "wrongNumber" : null, finishedAt: endedAt });
        }
      }

      // A connected voicemail or wrong number is still billed by the carrier.
      const minutes = billedMinutes(result.talkSeconds, result.outcome === "answered");
      const balanceAfter = await debitCall(tx, { companyId: task.companyId, callId: recorded.id, minutes, at: now });
      const pausedScripts = balanceAfter !== null && balanceAfter <= 0 ? (await pauseScriptsForInsufficientBalance(tx, task.companyId)).length : 0;
      // The totals are filed last (withCallRows), so the script's (hot) totals row is held only for that statement and the commit.
      return {
        applied: true,
        callId: recorded.id,
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
    }),
  );
}
