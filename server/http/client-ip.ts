/**
 * The client's address for login throttling. `next start` (and any reverse proxy in front of it) appends the address it
 * received the connection from to X-Forwarded-For, so the last entry is the one a client cannot forge; earlier entries
 * are whatever the client sent.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  const ip = last ?? headers.get("x-real-ip")?.trim();
  return ip ? ip.slice(0, 64) : null;
}
