import { eventType } from "inngest";
import { z } from "zod";

/**
 * The app's typed events: the Inngest functions' triggers (inngest/functions) and what services emit. Emit one by its
 * definition, `sendEvents(batchStarted.create({ … }))` (server/jobs/send-events.ts), never by a spelled-out name.
 */

/** A batch was started, a script enabled or tasks created for a journey node: run the dialer now, not at the next minute. */
export const batchStarted = eventType("outbound/batch.started", {
  schema: z.object({ companyId: z.string().min(1), scriptId: z.string().min(1).optional(), batchId: z.string().min(1).optional() }),
});

const claimedAttempt = z.object({
  taskId: z.string().min(1),
  companyId: z.string().min(1),
  scriptId: z.string().min(1),
  attempt: z.number().int().min(1),
  claimToken: z.string().min(1),
});

/** Claimed attempts to place with the carrier together (batched placement, server/services/dialer/place-claimed-call.ts). */
export const callsPlaceRequested = eventType("outbound/calls.place", {
  schema: z.object({ claims: z.array(claimedAttempt).min(1) }),
});

/**
 * One claimed attempt to place (what the dialer sent before batched placement): still handled, so events queued on an
 * Inngest server across the upgrade are placed; nothing sends it any more.
 */
export const callPlaceRequested = eventType("outbound/call.place", { schema: claimedAttempt });

/** A carrier result (attempt.completed) was recorded, by the webhook or by reconciliation: run the call-ended pipeline. */
export const carrierCallEnded = eventType("carrier/call.ended", {
  schema: z.object({ carrierEventId: z.string().min(1) }),
});

/**
 * A batch of results was applied (call-ended, batchEvents): run the rest of one call's pipeline — intent, opt-out,
 * journey, early recordings, SMS, webhook — and mark its carrier event processed.
 */
export const carrierCallApplied = eventType("carrier/call.applied", {
  schema: z.object({
    carrierEventId: z.string().min(1),
    carrierCallId: z.string(),
    callId: z.string().min(1),
    applied: z.boolean(),
    task: z.string().nullable(),
    outcome: z.string().nullable(),
  }),
});

/** A carrier recording link (recording.ready) was recorded: copy the audio into our storage. */
export const carrierRecordingReady = eventType("carrier/recording.ready", {
  schema: z.object({ carrierEventId: z.string().min(1) }),
});

/** A journey's scheduled instant is due (found by the journey-run cron): run it once (JourneyRun is unique per instant). */
export const journeyRunRequested = eventType("journey/run.requested", {
  schema: z.object({ journeyId: z.string().min(1), scheduledFor: z.string().datetime() }),
});

/** 重新分析: process the next chunk of a CallAnalysisJob (sent again by the job itself until it is done). */
export const callAnalysisRequested = eventType("calls/analysis.requested", {
  schema: z.object({ jobId: z.string().min(1), companyId: z.string().min(1) }),
});

/** 导入患者: read, check and write one confirmed import file (PatientImportJob). */
export const patientImportRequested = eventType("patients/import.requested", {
  schema: z.object({ jobId: z.string().min(1), companyId: z.string().min(1) }),
});

/** A webhook delivery (WebhookDelivery) is due now: its first attempt, or 重发. Retries are found by the webhook-retry cron. */
export const webhookDeliveryRequested = eventType("webhooks/delivery.requested", {
  schema: z.object({ deliveryId: z.string().min(1) }),
});

/** An event made by one of the definitions above (`x.create(data)`): the only kind `sendEvents` takes. */
export type AppEvent =
  | ReturnType<typeof batchStarted.create>
  | ReturnType<typeof callsPlaceRequested.create>
  | ReturnType<typeof callPlaceRequested.create>
  | ReturnType<typeof carrierCallEnded.create>
  | ReturnType<typeof carrierCallApplied.create>
  | ReturnType<typeof carrierRecordingReady.create>
  | ReturnType<typeof journeyRunRequested.create>
  | ReturnType<typeof callAnalysisRequested.create>
  | ReturnType<typeof patientImportRequested.create>
  | ReturnType<typeof webhookDeliveryRequested.create>;
