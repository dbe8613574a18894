import type { PrismaClient } from "@/server/db/create-client";
import { clientRefOf } from "@/server/domain/call-tasks/client-ref";
import type { AttemptCompleted, CarrierEvent, CarrierPort } from "@/server/ports/carrier";
import { jobFor, type DispatchCarrierJobs } from "./carrier-jobs";
import { ingestCarrierEvents } from "./ingest-carrier-events";
import { settlePlacingClaims } from "@/server/services/dialer/settle-placing-claims";

/** A call without a result this long after dialing is asked about (longer than queue + ring + most talks). */
export const STUCK_AFTER_MS = 3 * 60_000;
/**
 * A call the carrier does not know this long after dialing is closed as failed, so its task can redial. A carrier
 * records a call when it accepts it, so not knowing it at all means it was lost (e.g. an in-process simulator that
 * restarted); a little slack covers a carrier whose lookups lag its accepts.
 */
export const LOST_AFTER_MS = 5 * 60_000;
/** An answered call without its recording this long after it ended is asked about. */
export const RECORDING_LATE_MS = 5 * 60_000;
/** A recorded event still unprocessed this long after it arrived is handed over again. */
export const UNPROCESSED_AFTER_MS = 2 * 60_000;
const BATCH = 200;

export interface ReconcileResult {
  /** Placements without a Call row settled by clientRef (docs/dialer.md): adopted as calls, or released. */
  adopted: number;
  released: number;
  polled: number;
  found: number;
  lost: number;
  redispatched: number;
  /** Calls the carrier could not answer for this time (logged; asked again next sweep). */
  failed: number;
  /** Conversations fetched for results that came without them (transcriptPending). */
  transcripts?: number;
}

/**
 * Reconciliation (carrier.md: results "can be reconciled by polling"): pushes can be dropped or exhausted, so calls
 * stuck without a result, answered calls without a recording, and events whose hand-over never finished are looked at
 * again. Everything found goes through the same idempotent ingestion as a webhook delivery.
 */
export async function reconcileCarrierCalls(
  db: PrismaClient,
  carrier: CarrierPort,
  dispatch: DispatchCarrierJobs,
  now: Date = new Date(),
  /** Limits the sweep to one company (tests); the job sweeps them all. */
  companyId?: string,
): Promise<ReconcileResult> {
  const result: ReconcileResult = { adopted: 0, released: 0, polled: 0, found: 0, lost: 0, redispatched: 0, failed: 0 };
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const company = companyId ? { companyId } : {};
  Object.assign(result, await settlePlacingClaims(db, carrier, now, companyId));

  const stuck = await db.call.findMany({
    where: { ...company, outcome: null, carrierCallId: { not: null }, dialedAt: { lt: ago(STUCK_AFTER_MS) } },
    select: { id: true, taskId: true, attempt: true, carrierCallId: true, callerId: true, dialedAt: true },
    orderBy: { dialedAt: "asc" },
    take: BATCH,
  });
  const lateRecordings = await db.call.findMany({
    where: {
      ...company,
      outcome: "answered",
      carrierCallId: { not: null },
      recording: null,
      recordingTracks: { none: {} }, // both sides kept as tracks (no whole-call recording): nothing to chase
      endedAt: { lt: ago(RECORDING_LATE_MS), gt: ago(24 * 3600_000) },
      events: { none: { type: "recording.ready" } },
    },
    select: { carrierCallId: true },
    take: BATCH,
  });

  const found: CarrierEvent[] = [];
  // Each call on its own: one session the carrier keeps failing on must not keep every later call from settling.
  const ask = async (carrierCallId: string) => {
    try {
      return { events: await carrier.getCall(carrierCallId) };
    } catch (error) {
      result.failed++;
      console.error(`[reconcile] getCall(${carrierCallId}) failed:`, error instanceof Error ? error.message : error);
      return null;
    }
  };
  const lostAfter = carrier.lostAfterMs ?? LOST_AFTER_MS;
  for (const call of stuck) {
    result.polled++;
    const asked = await ask(call.carrierCallId!);
    if (!asked) continue;
    const events = asked.events;
    if (events === null) {
      if (call.dialedAt < ago(lostAfter)) {
        found.push(lostAttempt(call, now));
        result.lost++;
      }
      continue;
    }
    found.push(...events.filter((e) => e.type !== "call.state"));
  }
  for (const call of lateRecordings) {
    result.polled++;
    const asked = await ask(call.carrierCallId!);
    found.push(...(asked?.events ?? []).filter((e) => e.type === "recording.ready"));
  }
  if (found.length > 0) result.found = (await ingestCarrierEvents(db, found, dispatch, now)).recorded;

  if (carrier.fetchTurns) result.transcripts = await fetchPendingTranscripts(db, carrier, now, companyId);

  const unprocessed = await db.carrierEvent.findMany({
    where: {
      ...(companyId ? { call: { companyId } } : {}),
      processedAt: null,
      type: { in: ["attempt.completed", "recording.ready"] },
      receivedAt: { lt: ago(UNPROCESSED_AFTER_MS), gt: ago(24 * 3600_000) },
    },
    select: { carrierEventId: true, type: true },
    orderBy: { receivedAt: "asc" },
    take: BATCH,
  });
  const jobs = unprocessed.map(jobFor).filter((j) => j !== null);
  if (jobs.length > 0) {
    await dispatch(jobs);
    result.redispatched = jobs.length;
  }
  return result;
}

/** The carrier has no record of a call we placed (e.g. it lost it): close the attempt as failed so the task can redial. */
function lostAttempt(call: { taskId: string; attempt: number; carrierCallId: string | null; callerId: string | null; dialedAt: Date }, now: Date): AttemptCompleted {
  return {
    type: "attempt.completed",
    eventId: `reconcile:${call.carrierCallId}:lost`,
    occurredAt: now.toISOString(),
    carrierCallId: call.carrierCallId!,
    clientRef: clientRefOf(call.taskId, call.attempt),
    outcome: "failed",
    rawCode: "CARRIER_CALL_UNKNOWN",
    callerId: call.callerId ?? "",
    dialedAt: call.dialedAt.toISOString(),
    answeredAt: null,
    endedAt: now.toISOString(),
    ringSeconds: 0,
    talkSeconds: 0,
    hangupBy: "system",
    turns: [],
    rounds: 0,
  };
}

/** How long a result's missing conversation is asked for before we give up (the call keeps its outcome). */
export const TRANSCRIPT_GIVE_UP_MS = 6 * 3600_000;

/**
 * Results applied while the vendor's conversation lookup failed (`transcriptPending` on the attempt event): each sweep
 * asks again, call by call, and writes the turns onto the Call row once they come; after TRANSCRIPT_GIVE_UP_MS the
 * event is marked done so it is not asked forever.
 */
async function fetchPendingTranscripts(db: PrismaClient, carrier: CarrierPort, now: Date, companyId?: string): Promise<number> {
  const pending = await db.carrierEvent.findMany({
    where: {
      type: "attempt.completed",
      payload: { path: ["transcriptPending"], equals: true },
      receivedAt: { gt: new Date(now.getTime() - 24 * 3600_000) },
      callId: { not: null },
      ...(companyId ? { call: { companyId } } : {}),
    },
    select: { id: true, callId: true, carrierCallId: true, payload: true, receivedAt: true },
    orderBy: { receivedAt: "asc" },
    take: 50,
  });
  let fetched = 0;
  for (const e of pending) {
    const done = (payload: object) => db.carrierEvent.update({ where: { id: e.id }, data: { payload: { ...(payload as object), transcriptPending: false } } });
    try {
      const turns = await carrier.fetchTurns!(e.carrierCallId);
      if (turns && turns.length > 0) {
        // Only the transcript: the call's rounds (and so 有效对话) were filed in the running totals with the result;
        // re-filing them here is not done yet (docs/carrier.md, "Not done yet").
        await db.call.updateMany({ where: { id: e.callId! }, data: { transcript: turns as object[] } });
        await done(e.payload as object);
        fetched++;
      } else if (now.getTime() - e.receivedAt.getTime() > TRANSCRIPT_GIVE_UP_MS) {
        await done(e.payload as object);
      }
    } catch (error) {
      console.error(`[reconcile] fetchTurns(${e.carrierCallId}) failed:`, error instanceof Error ? error.message : error);
    }
  }
  return fetched;
}
