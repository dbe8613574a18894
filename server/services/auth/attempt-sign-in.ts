import type { PrismaClient, Tx } from "@/server/db/create-client";
import { ACCOUNT_POLICY, afterFailure, IP_POLICY, laterOf, lockedUntil, type ThrottlePolicy, type ThrottleRecord } from "@/server/domain/auth/login-throttle";
import { normalizeMobile } from "@/server/domain/patients/mobile";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { verifyCredentials } from "@/server/services/auth/verify-credentials";

export type SignInUser = NonNullable<Awaited<ReturnType<typeof verifyCredentials>>>;
export type SignInResult = { ok: true; user: SignInUser } | { ok: false; reason: "invalid" } | { ok: false; reason: "locked"; retryAt: Date };
export interface SignInAttempt {
  account: string;
  password: string;
  /** The client's address as the nearest proxy saw it; null when unknown (then only the account is throttled). */
  ip: string | null;
}

/** The account as it identifies a user, so "Admin@A.demo" and "admin@a.demo" share one counter. */
export function accountKey(account: string) {
  const a = account.trim();
  return `account:${a.includes("@") ? a.toLowerCase() : normalizeMobile(a)}`;
}
const ipKey = (ip: string) => `ip:${ip}`;

function keysFor(attempt: Pick<SignInAttempt, "account" | "ip">): [string, ThrottlePolicy][] {
  const keys: [string, ThrottlePolicy][] = [[accountKey(attempt.account), ACCOUNT_POLICY]];
  if (attempt.ip) keys.push([ipKey(attempt.ip), IP_POLICY]);
  return keys;
}

/** When this account (or this IP) may try again; null when it may try now. */
export async function signInLockedUntil(db: PrismaClient | Tx, attempt: Pick<SignInAttempt, "account" | "ip">, now: Date): Promise<Date | null> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keysFor(attempt).map(([k]) => k) } } });
  return rows.reduce<Date | null>((acc, r) => laterOf(acc, lockedUntil(r, now)), null);
}

/**
 * A credentials sign-in with back-off: refused without checking the password while the account or the IP is locked;
 * a wrong password counts against both (row-locked, so app instances share the counts); success clears the account's.
 * Failed and refused attempts are written to the audit log (under the account's company when the account exists).
 */
export async function attemptSignIn(db: PrismaClient, attempt: SignInAttempt, now: Date, verify = verifyCredentials): Promise<SignInResult> {
  const locked = await signInLockedUntil(db, attempt, now);
  if (locked) {
    await audit(db, attempt, "auth.login.locked", { retryAt: locked.toISOString() });
    return { ok: false, reason: "locked", retryAt: locked };
  }
  const user = await verify(attempt.account, attempt.password);
  if (user) {
    await db.loginThrottle.deleteMany({ where: { key: accountKey(attempt.account) } });
    return { ok: true, user };
  }
  const after = await db.$transaction(async (tx) => {
    let until: Date | null = null;
    let failures = 0;
    for (const [key, policy] of keysFor(attempt)) {
      const next = await countFailure(tx, key, policy, now);
      if (key.startsWith("account:")) failures = next.failures;
      until = laterOf(until, next.lockedUntil);
    }
    return { failures, until };
  });
  await audit(db, attempt, "auth.login.failed", { failures: after.failures, lockedUntil: after.until?.toISOString() ?? null });
  return { ok: false, reason: "invalid" };
}

async function countFailure(tx: Tx, key: string, policy: ThrottlePolicy, now: Date): Promise<ThrottleRecord> {
  await tx.$executeRaw`INSERT INTO "LoginThrottle" ("key", "failures", "lastFailureAt", "updatedAt") VALUES (${key}, 0, to_timestamp(0), now()) ON CONFLICT DO NOTHING`;
  const [row] = await tx.$queryRaw<ThrottleRecord[]>`SELECT "failures", "lastFailureAt", "lockedUntil" FROM "LoginThrottle" WHERE "key" = ${key} FOR UPDATE`;
  const next = afterFailure(row!.failures === 0 ? null : row!, now, policy);
  await tx.loginThrottle.update({ where: { key }, data: next });
  return next;
}

async function audit(db: PrismaClient, attempt: SignInAttempt, action: string, data: Record<string, string | number | null>) {
  const key = accountKey(attempt.account).slice("account:".length);
  const user = await db.user.findFirst({ where: key.includes("@") ? { email: key } : { mobile: key }, select: { id: true, companyId: true } });
  await writeAuditLog(db, {
    companyId: user?.companyId ?? null,
    actorId: null,
    action,
    targetType: "user",
    targetId: user?.id ?? null,
    data: { account: attempt.account.trim().slice(0, 100), ip: attempt.ip, ...data },
  });
}
