/**
 * Login throttling: after `freeFailures` failed sign-ins in a row, each further failure locks the key (an account or an
 * IP address) for `baseLockMs`, doubling per failure up to `maxLockMs`. A quiet `resetAfterMs` since the last failure
 * forgets the streak. Pure: the clock is passed in.
 */

export interface ThrottlePolicy {
  freeFailures: number;
  baseLockMs: number;
  maxLockMs: number;
  resetAfterMs: number;
}

export interface ThrottleRecord {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

const MINUTE = 60_000;

/** One account: 5 wrong passwords → 1 minute, then 2, 4, 8 … up to an hour. */
export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5, baseLockMs: MINUTE, maxLockMs: 60 * MINUTE, resetAfterMs: 24 * 60 * MINUTE };

/** One IP address: a clinic's whole front desk may share one, so it gets more room before the same back-off. */
export const IP_POLICY: ThrottlePolicy = { freeFailures: 20, baseLockMs: MINUTE, maxLockMs: 60 * MINUTE, resetAfterMs: 24 * 60 * MINUTE };

/** When the key may try again, or null when it may try now. */
export function lockedUntil(record: ThrottleRecord | null, now: Date): Date | null {
  if (!record?.lockedUntil) return null;
  return record.lockedUntil.getTime() > now.getTime() ? record.lockedUntil : null;
}

/** The record after one more failure at `now` (a failure while locked is not counted: the attempt was never checked). */
export function afterFailure(record: ThrottleRecord | null, now: Date, policy: ThrottlePolicy): ThrottleRecord {
  if (record && lockedUntil(record, now)) return record;
  const stale = !record || now.getTime() - record.lastFailureAt.getTime() >= policy.resetAfterMs;
  const failures = (stale ? 0 : record.failures) + 1;
  const over = failures - policy.freeFailures;
  if (over < 0) return { failures, lastFailureAt: now, lockedUntil: null };
  const lockMs = Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** Math.min(over, 30));
  return { failures, lastFailureAt: now, lockedUntil: new Date(now.getTime() + lockMs) };
}

/** The later of two lock ends (an attempt is refused while either its account or its IP is locked). */
export function laterOf(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}
