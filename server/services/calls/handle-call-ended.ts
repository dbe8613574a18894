import type { PrismaClient } from "@/server/db/create-client";
import { AppError } from "@/server/errors";
import type { AppPorts } from "@/server/ports/app-ports";
import type { AttemptCompleted, RecordingReady } from "@/server/ports/carrier";
import { applyAttemptResults } from "@/server/services/dialer/apply-attempt-result";
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

/** A carrier event whose result was applied: what the rest of its pipeline needs (the carrier/call.applied event). */
export interface AppliedCallEvent {
  carrierEventId: string;
  carrierCallId: string;
  callId: string;
  applied: boolean;
  task: string | null;
  outcome: string | null;
}

/**
 * The 'call ended' pipeline, first part, for a batch of recorded attempt.completed events (docs/dialer.md, "Results"):
 * their results applied in one transaction (Call rows, tasks → redial / ended, balance debits) — the dial engine's
 * state transition. Returns the events of our calls, each to go on through `handleCallEnded`; an event about no call of
 * ours is marked processed here. Idempotent: a duplicate event, a retry after a crash, or the same result found by
 * reconciliation changes nothing. An event stays unprocessed until its whole pipeline ran (reconciliation hands it over again).
 */
export async function applyCallResults(db: PrismaClient, carrierEventIds: readonly string[], runStep: StepRunner = direct): Promise<AppliedCallEvent[]> {
  const events = await runStep("load-events", async () => {
    const rows = await db.carrierEvent.findMany({ where: { carrierEventId: { in: [...new Set(carrierEventIds)] }, type: "attempt.completed" }, select: { carrierEventId: true, payload: true } });
    const loaded = await Promise.all(rows.map(async (r) => ({ carrierEventId: r.carrierEventId, event: await withClientRef(db, r.payload as unknown as AttemptCompleted) })));
    // A vendor without a user-data field (Tencent CreateAICall) knows the call only by its id: until the dialer has saved
    // that id the event stays unprocessed, and reconciliation hands it over again.
    return loaded.filter((e) => e.event.clientRef);
  });
  if (events.length === 0) return [];

  const applied = await runStep("apply-attempt-results", async () => {
    const results = await applyAttemptResults(db, events.map((e) => e.event));
    return Promise.all(
      results.map(async (r, n): Promise<Omit<AppliedCallEvent, "callId"> & { callId: string | null }> => {
        const { carrierEventId, event } = events[n]!;
        const callId = r.applied ? r.callId : (r.callId ?? (await findCallIdForEvent(db, event)));
        return { carrierEventId, carrierCallId: event.carrierCallId, callId, applied: r.applied, task: r.applied ? r.task : null, outcome: r.applied ? r.outcome : null };
      }),
    );
  });
  // Not one of our calls (unknown clientRef): recorded for the audit trail, nothing to do.
  const unknown = applied.filter((a) => !a.callId).map((a) => a.carrierEventId);
  if (unknown.length > 0) {
    await runStep("mark-unknown-processed", async () => {
      await db.carrierEvent.updateMany({ where: { carrierEventId: { in: unknown } }, data: { processedAt: new Date() } });
      return true;
    });
  }
  return applied.filter((a): a is AppliedCallEvent => a.callId !== null);
}

/**
 * The 'call ended' pipeline, the rest, for one event whose result `applyCallResults` applied. Every step is idempotent:
 * 1. analyse the call: intent over the script's categories, summary, 需回电 (rules, or a model with the rules as fallback);
 * 2. add the number to the company's opt-out list when the patient asked not to be called again;
 * 3. move a journey's patient along the intent branch (the journey sweep catches anything missed here);
 * 4. copy a recording that arrived before the call had a row (deliveries are unordered);
 * 5. send the hang-up SMS; 6. tell the company's webhook; 7. mark the carrier event processed.
 */
export async function handleCallEnded(
  db: PrismaClient,
  ports: Pick<AppPorts, "carrier" | "storage" | "sms" | "intentClassifier">,
  applied: AppliedCallEvent,
  runStep: StepRunner = direct,
): Promise<CallEndedSummary> {
  const { carrierEventId, callId } = applied;
  const summary: CallEndedSummary = { carrierEventId, callId, applied: applied.applied, task: applied.task, intent: null, optedOut: false, recordings: [], sms: "skipped" };

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
      where: { carrierCallId: applied.carrierCallId, type: "recording.ready", processedAt: null, callId: null },
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
