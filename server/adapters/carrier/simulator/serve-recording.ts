import { carrierWebhookSecret } from "@/server/env";
import { simulatorStorage } from "./index";
import { checkRecordingLink, isSimCallId, recordingObjectKey } from "./recording-links";

/**
 * The simulated vendor's recording download: like a signed object-store link it needs no login, only a valid,
 * unexpired signature (403 otherwise, as OSS answers an expired `Expires=` link).
 */
export async function serveSimulatorRecording(carrierCallId: string, url: URL, nowMs = Date.now()): Promise<Response> {
  if (!isSimCallId(carrierCallId)) return new Response("Not Found", { status: 404 });
  const check = checkRecordingLink(carrierWebhookSecret(), carrierCallId, url.searchParams, nowMs);
  if (check !== "ok") {
    return new Response(check === "expired" ? "Request has expired" : "Signature does not match", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const object = await simulatorStorage().get(recordingObjectKey(carrierCallId));
  if (!object) return new Response("Not Found", { status: 404 });
  return new Response(new Uint8Array(object.body), {
    headers: { "content-type": "audio/mpeg", "content-length": String(object.size), "cache-control": "private, no-store" },
  });
}
