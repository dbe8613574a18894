import type { PrismaClient } from "@/server/db/create-client";
import type { CarrierEvent, CarrierPort } from "@/server/ports/carrier";
import { jobFor, type DispatchCarrierJobs } from "./carrier-jobs";
import { ingestCarrierEvents } from "./ingest-carrier-events";

/**
 * Tencent CCC keeps recordings for 3 months (docs/carrier.md); an answered call still without a copy in our storage
 * is asked about again up to this age, oldest first, so nothing is left only at the vendor when its copy goes.
 */
export const RETENTION_SWEEP_MAX_AGE_MS = 80 * 24 * 3600_000;
/** Younger calls are reconciliation's (RECORDING_LATE_MS … 24 h). */
const SWEEP_AFTER_MS = 24 * 3600_000;
const BATCH = 50;

export interface RetentionSweepResult {
  checked: number;
  /** Recording notices handed over again (recorded before, never stored). */
  redispatched: number;
  /** New recording notices from the carrier (refreshRecording). */
  found: number;
  failed: number;
}

/**
 * 录音留存: answered calls between 1 and 80 days old without a stored recording. A recording notice we already have is
 * handed to the recording job again (it refreshes an expired link once); otherwise the carrier is asked for a fresh link.
 * Each call on its own: one the carrier keeps failing on is logged and asked again next time.
 */
export async function sweepRecordingRetention(db: PrismaClient, carrier: CarrierPort, dispatch: DispatchCarrierJobs, now: Date): Promise<RetentionSweepResult> {
  const result: RetentionSweepResult = { checked: 0, redispatched: 0, found: 0, failed: 0 };
  const calls = await db.call.findMany({
    where: {
      outcome: "answered",
      carrierCallId: { not: null },
      recording: null,
      recordingTracks: { none: {} }, // both sides kept as tracks (no whole-call recording): nothing to chase
      endedAt: { lt: new Date(now.getTime() - SWEEP_AFTER_MS), gt: new Date(now.getTime() - RETENTION_SWEEP_MAX_AGE_MS) },
    },
    select: { carrierCallId: true, events: { where: { type: "recording.ready" }, select: { carrierEventId: true, type: true }, take: 1 } },
    orderBy: { endedAt: "asc" },
    take: BATCH,
  });
  const found: CarrierEvent[] = [];
  for (const call of calls) {
    result.checked++;
    const known = call.events[0];
    if (known) {
      const job = jobFor(known);
      if (job) {
        await dispatch([job]);
        result.redispatched++;
      }
      continue;
    }
    try {
      const fresh = await carrier.refreshRecording(call.carrierCallId!);
      if (fresh) found.push(fresh);
    } catch (error) {
      result.failed++;
      console.error(`[recordings] refreshRecording(${call.carrierCallId}) failed:`, error instanceof Error ? error.message : error);
    }
  }
  if (found.length) result.found = (await ingestCarrierEvents(db, found, dispatch, now)).recorded;
  return result;
}
