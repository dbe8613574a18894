import { isIP } from "node:net";
import { PEER_TOKEN_HEADER, peerToken } from "@/server/http/peer-address";

/**
 * The client's address for login throttling. X-Forwarded-For ends with the TCP peer's address (appended by this process,
 * server/http/peer-address.ts); each trusted reverse proxy in front appended the address it saw before that. With
 * `hops` trusted proxies (env TRUSTED_PROXY_HOPS, `trustedProxyHops()`) the client is the entry `hops` places from the right; everything further
 * left is whatever the client sent. Null when the header was not written by this process's hook or the entry is not an
 * IP address — then only the account is throttled, never a client-chosen address.
 */
export function clientIp(headers: Headers, hops: number, token: string | null = peerToken()): string | null {
  if (!token || headers.get(PEER_TOKEN_HEADER) !== token) return null;
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (chain.length === 0) return null;
  const entry = chain[Math.max(0, chain.length - 1 - hops)]!;
  const ip = entry.startsWith("::ffff:") && isIP(entry.slice(7)) === 4 ? entry.slice(7) : entry;
  return isIP(ip) ? ip : null;
}
