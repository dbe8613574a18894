import "server-only";
import { cookies, headers } from "next/headers";
import { decode } from "next-auth/jwt";
import { auth, authSecret } from "./index";

/**
 * Who the session cookie says the caller is: the user and the session version their token was issued with (the
 * viewer, loaded or cached by session-viewer.ts, is checked against the user's current version). Issue 29: Auth.js'
 * `auth()` derived the key (HKDF), decrypted and verified the token and re-encrypted a refreshed one on every request —
 * a fifth of an authenticated no-op's CPU, and the refreshed cookie is dropped outside a middleware anyway. A token is
 * immutable, so its decoded payload is kept per process until the token's own expiry; revocation does not depend on
 * this (it is the session version, checked on every request).
 */
const decoded = new Map<string, { userId: string; sessionVersion: number; expiresAt: number }>();
const MAX_TOKENS = 20_000;

// Auth.js' names: the __Secure- one when AUTH_URL or the request (x-forwarded-proto, which Next always sets) is https.
const SECURE = "__Secure-authjs.session-token";
const PLAIN = "authjs.session-token";

export async function sessionIdentity(): Promise<{ userId: string; sessionVersion: number } | null> {
  const envUrl = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  const proto = envUrl ? new URL(envUrl).protocol.replace(":", "") : ((await headers()).get("x-forwarded-proto") ?? "https");
  const name = proto === "https" ? SECURE : PLAIN;
  const jar = await cookies();
  const token = jar.get(name)?.value;
  if (!token) {
    // A token too large for one cookie is split into name.0, name.1 …: let Auth.js put it together.
    if (!jar.has(`${name}.0`)) return null;
    const session = await auth();
    return session?.user?.id ? { userId: session.user.id, sessionVersion: session.user.sessionVersion } : null;
  }
  const now = Date.now();
  const hit = decoded.get(token);
  if (hit) return hit.expiresAt > now ? hit : null;
  if (!authSecret) return null;
  const payload = await decode({ token, secret: authSecret, salt: name }).catch(() => null);
  if (!payload?.sub) return null;
  const identity = {
    userId: payload.sub,
    // Tokens issued before session versions existed count as version 0 (as server/auth/index.ts' session callback).
    sessionVersion: typeof payload.sessionVersion === "number" ? payload.sessionVersion : 0,
    expiresAt: typeof payload.exp === "number" ? payload.exp * 1000 : now,
  };
  if (decoded.size >= MAX_TOKENS) decoded.clear();
  decoded.set(token, identity);
  return identity.expiresAt > now ? identity : null;
}
