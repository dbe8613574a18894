import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * Server-side check of TencentCloud API 3.0 signatures (签名方法 v3, TC3-HMAC-SHA256), written from the documented
 * algorithm rather than from the SDK, so the fake catches an SDK request the real API would refuse:
 *   CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n hex(sha256(payload))
 *   StringToSign     = "TC3-HMAC-SHA256" \n X-TC-Timestamp \n <date>/<service>/tc3_request \n hex(sha256(CanonicalRequest))
 *   kDate = HMAC("TC3"+SecretKey, date); kService = HMAC(kDate, service); kSigning = HMAC(kService, "tc3_request")
 *   Signature = hex(HMAC(kSigning, StringToSign))
 * Header names and values are lower-cased and trimmed. The date is the UTC date of X-TC-Timestamp, which must be
 * within 5 minutes of the server's clock; `service` must be the product named by the first label of Host.
 * The official SDKs sign the host without a port (Tencent's endpoints never carry one), so the port is dropped here.
 */
export type Tc3Error =
  | "AuthFailure.InvalidAuthorization"
  | "AuthFailure.SecretIdNotFound"
  | "AuthFailure.SignatureExpire"
  | "AuthFailure.SignatureFailure";

export const TC3_MESSAGES: Record<Tc3Error, string> = {
  "AuthFailure.InvalidAuthorization": "Authorization in the request header is invalid.",
  "AuthFailure.SecretIdNotFound": "The SecretId is not found, please ensure that your SecretId is correct.",
  "AuthFailure.SignatureExpire": "Signature expired. Timestamp and server time cannot differ by more than five minutes.",
  "AuthFailure.SignatureFailure": "The provided credentials could not be validated. Please check your signature is correct.",
};

export const MAX_CLOCK_SKEW_SECONDS = 300;

export interface Tc3Request {
  method: string;
  /** Path and query as received, e.g. "/". */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const sha256hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

export function utcDate(timestampSec: number): string {
  return new Date(timestampSec * 1000).toISOString().slice(0, 10);
}

export function signTc3(input: { secretKey: string; service: string; timestamp: number; canonicalRequest: string }): string {
  const date = utcDate(input.timestamp);
  const stringToSign = ["TC3-HMAC-SHA256", String(input.timestamp), `${date}/${input.service}/tc3_request`, sha256hex(input.canonicalRequest)].join("\n");
  const kSigning = hmac(hmac(hmac(`TC3${input.secretKey}`, date), input.service), "tc3_request");
  return createHmac("sha256", kSigning).update(stringToSign).digest("hex");
}

function header(headers: Tc3Request["headers"], name: string): string {
  const v = headers[name.toLowerCase()];
  return (Array.isArray(v) ? v.join(",") : (v ?? "")).trim();
}

/** null when the request is signed by a known key, recently, over exactly these bytes; else the vendor's error code. */
export function verifyTc3(req: Tc3Request, keys: ReadonlyMap<string, string>, nowSec: number): Tc3Error | null {
  const auth = header(req.headers, "authorization");
  const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return "AuthFailure.InvalidAuthorization";
  const [, secretId, date, service, signedHeaders, signature] = m as unknown as [string, string, string, string, string, string];
  const secretKey = keys.get(secretId);
  if (secretKey === undefined) return "AuthFailure.SecretIdNotFound";
  const tsText = header(req.headers, "x-tc-timestamp");
  if (!/^\d{1,12}$/.test(tsText)) return "AuthFailure.InvalidAuthorization";
  const timestamp = Number(tsText);
  if (Math.abs(nowSec - timestamp) > MAX_CLOCK_SKEW_SECONDS) return "AuthFailure.SignatureExpire";
  const host = header(req.headers, "host").replace(/:\d+$/, "").toLowerCase();
  const names = signedHeaders.split(";");
  if (!names.includes("content-type") || !names.includes("host")) return "AuthFailure.InvalidAuthorization";
  if (date !== utcDate(timestamp) || service !== host.split(".")[0]) return "AuthFailure.SignatureFailure";

  const [path, query = ""] = req.url.split("?") as [string, string?];
  const canonicalHeaders = names.map((n) => `${n}:${(n === "host" ? host : header(req.headers, n)).toLowerCase()}\n`).join("");
  const canonicalRequest = [req.method.toUpperCase(), path || "/", query, canonicalHeaders, signedHeaders, sha256hex(req.body)].join("\n");
  const expected = Buffer.from(signTc3({ secretKey, service, timestamp, canonicalRequest }));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : "AuthFailure.SignatureFailure";
}
