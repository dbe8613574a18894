import { createHash, timingSafeEqual } from "node:crypto";
import { InvalidCallback } from "@/server/ports/carrier";

/**
 * CCC data push authentication: the 数据推送 settings offer none, basicAuth or OAuth2 client credentials; we require
 * basicAuth (`Authorization: Basic base64(username:password)`). Compared as SHA-256 digests in constant time, so
 * neither the length nor a prefix of the secret leaks. CCC pushes carry no timestamp; a replayed push is harmless
 * because every event id is derived from the SessionId and recorded once.
 */
export function verifyBasicAuth(headers: Headers, username: string, password: string): void {
  const given = headers.get("authorization") ?? "";
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(given);
  if (!m) throw new InvalidCallback("missing basic auth");
  const digest = (s: string) => createHash("sha256").update(s).digest();
  const expected = digest(`${username}:${password}`);
  const actual = digest(Buffer.from(m[1]!, "base64").toString("utf8"));
  if (!timingSafeEqual(expected, actual)) throw new InvalidCallback("bad credentials");
}

export const basicAuthHeader = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
