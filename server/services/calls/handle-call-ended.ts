import type { PrismaClient } from "@/server/db/create-client";
import { AppError } from "@/server/errors";
import type { AppPorts } from "@/server/ports/app-ports";
import type { AttemptCompleted, RecordingReady } from "@/server/ports/carrier";
import { applyAttemptResult } from "@/server/services/dialer/apply-attempt-result";
import { clientRefOf } from "@/server/domain/call-tasks/client-ref";
import { findCallIdForEvent } from "@/server/services/calls/carrier/find-call-for-event";
import { advanceJourneyAfterCall } from "@/server/services/journeys/advance-journeys";
import { sendHangupSms } from "@/server/services/sms/send-hangup-sms";
import { addOptOutFromCall } from "./add-opt-out-from-call";
import { classifyCallIntent } from "./classify-call-intent";
import { flagWrongNumber } from "./flag-wrong-number";
import { storeCallRecording } from "./store-call-recording";
import { emitCallEnded } from "@/server/services/webhooks/emit-webhook-event";

/** Runs one named, retryable piece of work: Inngest's step.run, or a plain call outside Inngest. */
export type StepRunner = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

const direct: StepRunner = (_name, fn) => fn();

export interface CallEndedSummary {
  carrierEventId: string;
  callId: string | null;
  applied: boolean;
  task: string | null;
  intent: string | null;
  optedOut: boolean;
  recordings: string[];
  sms: string;
}

/**
 * The 'call ended' pipeline for one recorded attempt.completed event. Every step is idempotent, so a duplicate event,
 * a retry after a crash, or the same result found by reconciliation changes nothing:
 * 1. apply the result (Call row, task → redial / ended, balance debit) — the dial engine's state transition;
 * 2. analyse the call: intent over the script's categories, summary, 需回电 (rules, or a model with the rules as fallback);
 * 3. add the number to the company's opt-out list when the patient asked not to be called again;
 * 4. move a journey's patient along the intent branch (the journey sweep catches anything missed here);
 * 5. copy a recording that arrived before the call had a row (deliveries are unordered);
 * 6. send the hang-up SMS.
 */
export async function handleCallEnded(
  db: PrismaClient,
  ports: Pick<AppPorts, "carrier" | "storage" | "sms" | "intentClassifier">,
  carrierEventId: string,
  runStep: StepRunner = direct,
): Promise<CallEndedSummary> {
  const summary: CallEndedSummary = { carrierEventId, callId: null, applied: false, task: null, intent: null, optedOut: false, recordings: [], sms: "skipped" };
  const event = await runStep("load-event", async () => {
    const row = await db.carrierEvent.findUnique({ where: { carrierEventId }, select: { type: true, payload: true } });
    return row?.type === "attempt.completed" ? withClientRef(db, row.payload as unknown as AttemptCompleted) : null;
  });
  if (!event) return summary;
  // A vendor without a user-data field (Tencent CreateAICall) knows the call only by its id: until the dialer has saved
  // that id the event stays unprocessed, and reconciliation hands it over again.
  if (!event.clientRef) return summary;

  const applied = await runStep("apply-attempt-result", async () => {
    const r = await applyAttemptResult(db, event);
    const callId = r.applied ? r.callId : (r.callId ?? (await findCallIdForEvent(db, event)));
    return { applied: r.applied, callId, task: r.applied ? r.task : null, outcome: r.applied ? r.outcome : null };
  });
  summary.applied = applied.applied;
  summary.task = applied.task;
  summary.callId = applied.callId;
  const callId = applied.callId;
  if (!callId) {
    // Not one of our calls (unknown clientRef): recorded for the audit trail, nothing to do.
    await runStep("mark-processed", () => markProcessed(db, carrierEventId, null));
    return summary;
  }

  const intent = await runStep("classify-intent", async () => {
    try {
      const r = await classifyCallIntent(db, callId, { classifier: ports.intentClassifier });
      return { intent: r?.intent ?? null, optOut: r?.optOut ?? false };
    } catch (error) {
      // A script that cannot be read any more (e.g. its dialogue is gone) must not hold up the SMS; other errors retry.
      if (!(error instanceof AppError)) throw error;
      console.warn(`[call-ended] intent of call ${callId} not classified: ${error.message}`);
      return { intent: null, optOut: false };
    }
  });
  summary.intent = intent.intent;

  if (intent.optOut) summary.optedOut = (await runStep("add-opt-out", () => addOptOutFromCall(db, callId))).added;
  if (applied.outcome === "wrongNumber") await runStep("flag-wrong-number", () => flagWrongNumber(db, callId));

  await runStep("advance-journey", async () => {
    const call = await db.call.findUnique({ where: { id: callId }, select: { taskId: true } });
    if (call) await advanceJourneyAfterCall(db, call.taskId);
    return true;
  });

  summary.recordings = await runStep("store-early-recordings", async () => {
    const early = await db.carrierEvent.findMany({
      // Only recordings that arrived before the call had a row (their own job could not place them); the others are
      // being copied by the recording job right now.
      where: { carrierCallId: event.carrierCallId, type: "recording.ready", processedAt: null, callId: null },
      select: { carrierEventId: true, payload: true },
    });
    const stored: string[] = [];
    for (const e of early) {
      const result = await storeCallRecording(db, e.payload as unknown as RecordingReady, ports);
      if (result.status === "callNotFound") continue;
      await db.carrierEvent.update({ where: { carrierEventId: e.carrierEventId }, data: { processedAt: new Date(), callId } });
      stored.push(result.status);
    }
    return stored;
  });

  summary.sms = await runStep("send-hangup-sms", async () => {
    const r = await sendHangupSms(db, callId, ports);
    return r.status === "skipped" ? `skipped:${r.reason}` : r.status;
  });

  await runStep("webhook-call-ended", async () => {
    // The company's own systems hear of the call; a failure here must never hold up the pipeline (deliveries retry).
    try {
      return await emitCallEnded(db, callId, new Date());
    } catch (error) {
      console.warn(`[call-ended] webhook for call ${callId} not queued`, error);
      return 0;
    }
  });

  await runStep("mark-processed", () => markProcessed(db, carrierEventId, callId));
  return summary;
}

/** Fills in our clientRef from the Call row when the vendor could not echo it (clientRef ""). */
async function withClientRef(db: PrismaClient, event: AttemptCompleted): Promise<AttemptCompleted> {
  if (event.clientRef) return event;
  const call = await db.call.findUnique({ where: { carrierCallId: event.carrierCallId }, select: { taskId: true, attempt: true } });
  return call ? { ...event, clientRef: clientRefOf(call.taskId, call.attempt) } : event;
}

async function markProcessed(db: PrismaClient, carrierEventId: string, callId: string | null): Promise<true> {
  await db.carrierEvent.update({ where: { carrierEventId }, data: { processedAt: new Date(), ...(callId ? { callId } : {}) } });
  return true;
}
