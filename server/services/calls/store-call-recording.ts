import { createHash } from "node:crypto";
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
  if (event.track) return storeRecordingTrack(db, event, event.track, callId, deps);
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
  const body = await bodyOf(res, event.carrierCallId);

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
 * One participant's recording (RecordingReady.track) as a RecordingTrack of the call, idempotent per participant. Its
 * link is not refreshed: the carrier's refresh gives the whole call's link (the CDR's), which is not this side — an
 * expired or refused one-side link is "gone" (the push was the only place it was given).
 */
async function storeRecordingTrack(
  db: PrismaClient,
  event: RecordingReady,
  track: NonNullable<RecordingReady["track"]>,
  callId: string,
  deps: { carrier: CarrierPort; storage: ObjectStorage; fetch?: typeof fetch; now?: () => Date },
): Promise<StoreRecordingResult> {
  const existing = await db.recordingTrack.findUnique({ where: { callId_participant: { callId, participant: track.participant } }, select: { id: true } });
  if (existing) return { status: "exists", callId };
  const now = deps.now?.() ?? new Date();
  if (Date.parse(event.expiresAt) <= now.getTime()) {
    console.warn(`[recording] ${track.side} track of ${event.carrierCallId} expired before it was copied`);
    return { status: "gone", callId };
  }
  let res: Response;
  try {
    res = await download(deps.fetch ?? fetch, deps.carrier, event.url, event.carrierCallId);
  } catch (error) {
    if (error instanceof RecordingHostRefused) return { status: "refusedHost", callId };
    throw error;
  }
  if (res.status === 403 || res.status === 404 || res.status === 410) return { status: "gone", callId };
  if (!res.ok) throw new RecordingDownloadFailed(`${track.side} track of ${event.carrierCallId} answered HTTP ${res.status}`);
  const body = await bodyOf(res, event.carrierCallId);
  const call = await db.call.findUniqueOrThrow({ where: { id: callId }, select: { companyId: true, durationSec: true } });
  const ext = event.format === "wav" ? "wav" : "mp3";
  const mimeType = event.format === "wav" ? "audio/wav" : "audio/mpeg";
  const tag = createHash("sha256").update(track.participant).digest("hex").slice(0, 10);
  const storageKey = `recordings/${call.companyId}/${callId}-${track.side}-${tag}.${ext}`;
  await deps.storage.put(storageKey, body, { contentType: mimeType });
  const created = await db.recordingTrack.createMany({
    data: [
      {
        callId,
        participant: track.participant,
        side: track.side,
        storageKey,
        mimeType,
        durationSec: Math.round(event.durationSeconds) || (call.durationSec ?? 0),
        sizeBytes: body.byteLength,
        sourceUrl: event.url,
        createdAt: now,
      },
    ],
    skipDuplicates: true,
  });
  return { status: created.count === 1 ? "stored" : "exists", callId };
}

async function bodyOf(res: Response, carrierCallId: string): Promise<Uint8Array> {
  const declared = Number(res.headers.get("content-length") ?? 0);
  if (declared > MAX_RECORDING_BYTES) throw new RecordingDownloadFailed(`recording of ${carrierCallId} is too large`);
  const body = new Uint8Array(await res.arrayBuffer());
  if (body.byteLength === 0 || body.byteLength > MAX_RECORDING_BYTES) {
    throw new RecordingDownloadFailed(`recording of ${carrierCallId} has ${body.byteLength} bytes`);
  }
  return body;
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
