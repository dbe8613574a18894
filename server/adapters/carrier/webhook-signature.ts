import { createHmac, timingSafeEqual } from "node:crypto";
import { InvalidCallback } from "@/server/ports/carrier";

/**
 * Our webhook authentication (carrier.md: "We sign ours with an HMAC and a replay window"):
 * `X-Carrier-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` with `X-Carrier-Timestamp` in Unix seconds.
 * A delivery whose timestamp is more than REPLAY_WINDOW_SECONDS away from now is refused, so a captured request
 * cannot be replayed later; within the window, event ids make a replay harmless.
 */
export const SIGNATURE_HEADER = "x-carrier-signature";
export const TIMESTAMP_HEADER = "x-carrier-timestamp";
export const REPLAY_WINDOW_SECONDS = 300;

export function signPayload(secret: string, timestamp: number, rawBody: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

export function signedHeaders(secret: string, rawBody: string, nowMs: number): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return {
    "content-type": "application/json",
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signPayload(secret, timestamp, rawBody),
  };
}

/** Throws InvalidCallback unless the delivery is signed with the secret and recent. */
export function verifySignature(secret: string, headers: Headers, rawBody: string, nowMs: number): void {
  const timestampText = headers.get(TIMESTAMP_HEADER);
  const signature = headers.get(SIGNATURE_HEADER);
  if (!timestampText || !signature) throw new InvalidCallback("missing signature headers");
  if (!/^\d{1,12}$/.test(timestampText)) throw new InvalidCallback("malformed timestamp");
  const timestamp = Number(timestampText);
  if (Math.abs(nowMs / 1000 - timestamp) > REPLAY_WINDOW_SECONDS) throw new InvalidCallback("timestamp outside the replay window");
  const expected = Buffer.from(signPayload(secret, timestamp, rawBody));
  const given = Buffer.from(signature.trim());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidCallback("bad signature");
}
