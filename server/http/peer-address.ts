import { randomBytes } from "node:crypto";
import http, { type IncomingMessage } from "node:http";

/**
 * Next.js gives route handlers no socket, and it fills X-Forwarded-For with the socket's address only when the client
 * sent none — so a client could otherwise choose its own "IP". Installed once per server process (instrumentation.ts),
 * this appends the address of the TCP peer to X-Forwarded-For before Next sees the request, as every reverse proxy
 * does, and stamps the request with a per-process token so `clientIp` can tell a header this process wrote from one a
 * client sent (requests that reached the server before the hook was installed carry no token and count as unknown).
 */
export const PEER_TOKEN_HEADER = "x-zw-peer-token";

const TOKEN_KEY = Symbol.for("zw.peerAddressToken");
type Global = typeof globalThis & { [TOKEN_KEY]?: string };

/** The token of this process's hook; null until installed. Kept on globalThis: Next bundles modules more than once. */
export function peerToken(): string | null {
  return (globalThis as Global)[TOKEN_KEY] ?? null;
}

export function stampPeerAddress(req: IncomingMessage, token: string) {
  const peer = req.socket?.remoteAddress;
  const forwarded = req.headers["x-forwarded-for"];
  const sent = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded ?? "").trim();
  if (peer) req.headers["x-forwarded-for"] = sent ? `${sent}, ${peer}` : peer;
  else delete req.headers["x-forwarded-for"];
  req.headers[PEER_TOKEN_HEADER] = token;
}

/** Idempotent; patches every http.Server of this process (Next creates its own, out of our reach). */
export function installPeerAddressHook(): string {
  const g = globalThis as Global;
  if (g[TOKEN_KEY]) return g[TOKEN_KEY];
  const token = randomBytes(18).toString("base64url");
  const proto = http.Server.prototype as unknown as { emit: (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean };
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") stampPeerAddress(args[0] as IncomingMessage, token);
    return emit.call(this, event, ...args);
  };
  g[TOKEN_KEY] = token;
  return token;
}
