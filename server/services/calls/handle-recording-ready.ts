import type { PrismaClient } from "@/server/db/create-client";
import type { RecordingReady } from "@/server/ports/carrier";
import { storeCallRecording, type StoreRecordingResult } from "./store-call-recording";

/**
 * A recorded recording.ready event: copy the audio into our storage. If the call's row is not there yet (the event
 * beat our own record of the dial) the event stays unprocessed and reconciliation hands it over again later.
 */
export async function handleRecordingReady(
  db: PrismaClient,
  deps: Parameters<typeof storeCallRecording>[2],
  carrierEventId: string,
): Promise<StoreRecordingResult | { status: "unknownEvent" }> {
  const row = await db.carrierEvent.findUnique({ where: { carrierEventId }, select: { type: true, payload: true } });
  if (!row || row.type !== "recording.ready") return { status: "unknownEvent" };
  const result = await storeCallRecording(db, row.payload as unknown as RecordingReady, deps);
  if (result.status !== "callNotFound") {
    await db.carrierEvent.update({ where: { carrierEventId }, data: { processedAt: new Date(), callId: result.callId } });
  }
  return result;
}
