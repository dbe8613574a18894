import type { PrismaClient } from "@/server/db/create-client";
import type { CarrierPort, RecordingReady } from "@/server/ports/carrier";
import type { ObjectStorage } from "@/server/ports/storage";
import { findCallIdForEvent } from "@/server/services/calls/carrier/find-call-for-event";

const MAX_RECORDING_BYTES = 50 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;

export type StoreRecordingResult = { status: "stored" | "exists" | "gone" | "refusedHost"; callId: string } | { status: "callNotFound" };

export class RecordingDownloadFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RecordingDownloadFailed";
  }
}

class RecordingHostRefused extends Error {}

/**
 * Copies a call's recording from the carrier's expiring link into our storage as the call's one Recording
 * (a vendor URL is never the copy). An expired link — or one that answers 403 — is refreshed once via the carrier.
 * Idempotent: a call that already has its recording is left alone. A recording the carrier no longer has is "gone".
 */
export async function storeCallRecording(
  db: PrismaClient,
  event: RecordingReady,
  deps: { carrier: CarrierPort; storage: ObjectStorage; fetch?: typeof fetch; now?: () => Date },
): Promise<StoreRecordingResult> {
  const callId = await findCallIdForEvent(db, event);
  if (!callId) return { status: "callNotFound" };
  const existing = await db.recording.findUnique({ where: { callId }, select: { id: true } });
  if (existing) return { status: "exists", callId };

  const carrier = deps.carrier;
  const doFetch = deps.fetch ?? fetch;
  const now = deps.now?.() ?? new Date();
  let link: Pick<RecordingReady, "url" | "expiresAt" | "durationSeconds" | "format"> = event;
  if (Date.parse(link.expiresAt) <= now.getTime()) link = (await carrier.refreshRecording(event.carrierCallId)) ?? link;

  let res: Response;
  try {
    res = await download(doFetch, carrier, link.url, event.carrierCallId);
    if (res.status === 403) {
      const fresh = await carrier.refreshRecording(event.carrierCallId);
      if (!fresh) throw new RecordingDownloadFailed(`recording link of ${event.carrierCallId} expired and cannot be refreshed`);
      link = fresh;
      res = await download(doFetch, carrier, link.url, event.carrierCallId);
    }
  } catch (error) {
    // Off the carrier's hosts: never fetched, and asking again would not help (logged in download()).
    if (error instanceof RecordingHostRefused) return { status: "refusedHost", callId };
    throw error;
  }
  // The carrier no longer has it: nothing to copy, and asking again would not help.
  if (res.status === 404 || res.status === 410) return { status: "gone", callId };
  if (!res.ok) throw new RecordingDownloadFailed(`recording download of ${event.carrierCallId} answered HTTP ${res.status}`);
  const declared = Number(res.headers.get("content-length") ?? 0);
  if (declared > MAX_RECORDING_BYTES) throw new RecordingDownloadFailed(`recording of ${event.carrierCallId} is too large`);
  const body = new Uint8Array(await res.arrayBuffer());
  if (body.byteLength === 0 || body.byteLength > MAX_RECORDING_BYTES) {
    throw new RecordingDownloadFailed(`recording of ${event.carrierCallId} has ${body.byteLength} bytes`);
  }

  const call = await db.call.findUniqueOrThrow({ where: { id: callId }, select: { companyId: true, durationSec: true } });
  const mimeType = link.format === "wav" ? "audio/wav" : "audio/mpeg";
  const storageKey = `recordings/${call.companyId}/${callId}.${link.format === "wav" ? "wav" : "mp3"}`;
  await deps.storage.put(storageKey, body, { contentType: mimeType });
  const created = await db.recording.createMany({
    data: [
      {
        callId,
        storageKey,
        mimeType,
        // A vendor whose recording notice has no length (Tencent's record push): the call's talk time.
        durationSec: Math.round(link.durationSeconds) || (call.durationSec ?? 0),
        sizeBytes: body.byteLength,
        sourceUrl: link.url,
        createdAt: now,
      },
    ],
    skipDuplicates: true,
  });
  return { status: created.count === 1 ? "stored" : "exists", callId };
}

/**
 * Only from the configured carrier's own hosts, and without following redirects off them: a pushed `recording_url`
 * is input, and the server must not be made to fetch an arbitrary (e.g. internal) address.
 */
function download(doFetch: typeof fetch, carrier: CarrierPort, url: string, carrierCallId: string) {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // refused below
  }
  if (!parsed || !carrier.servesRecordingsFrom(parsed)) {
    console.warn(`[recording] refused link of ${carrierCallId}: host ${parsed?.host ?? "(unparsable)"} is not the carrier's`);
    throw new RecordingHostRefused();
  }
  return doFetch(parsed, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: "error" });
}
