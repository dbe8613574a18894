import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The simulated vendor's recording links behave like signed object-store URLs (OSS `Expires=`): valid until expiresAt,
 * 403 afterwards; a fresh link comes from refreshRecording. Stateless, so links survive a restart of the app.
 */
export const recordingObjectKey = (carrierCallId: string) => `recordings/${carrierCallId}.mp3`;
export const recordingMetaKey = (carrierCallId: string) => `recordings/${carrierCallId}.json`;

export interface RecordingMeta {
  clientRef: string;
  durationSeconds: number;
}

const sign = (secret: string, carrierCallId: string, expires: number) =>
  createHmac("sha256", `${secret}:recordings`).update(`${carrierCallId}.${expires}`).digest("hex");

export function recordingUrl(baseUrl: string, secret: string, carrierCallId: string, expiresAtMs: number): string {
  const expires = Math.floor(expiresAtMs / 1000);
  const query = new URLSearchParams({ expires: String(expires), signature: sign(secret, carrierCallId, expires) });
  return `${baseUrl}/api/carrier/sim/recordings/${encodeURIComponent(carrierCallId)}?${query}`;
}

export type RecordingLinkCheck = "ok" | "expired" | "forbidden";

export function checkRecordingLink(
  secret: string,
  carrierCallId: string,
  params: URLSearchParams,
  nowMs: number,
): RecordingLinkCheck {
  const expiresText = params.get("expires") ?? "";
  const signature = params.get("signature") ?? "";
  if (!/^\d{1,12}$/.test(expiresText) || !/^[0-9a-f]{64}$/.test(signature)) return "forbidden";
  const expected = Buffer.from(sign(secret, carrierCallId, Number(expiresText)));
  if (!timingSafeEqual(expected, Buffer.from(signature))) return "forbidden";
  return Number(expiresText) * 1000 <= nowMs ? "expired" : "ok";
}

export const isSimCallId = (id: string) => /^sim_[0-9a-f]{20}$/.test(id);
