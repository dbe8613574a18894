import { describe, expect, it } from "vitest";
import { ACCOUNT_POLICY, afterFailure, IP_POLICY, laterOf, lockedUntil, type ThrottleRecord } from "./login-throttle";

const t0 = new Date("2026-12-01T02:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;

/** Fails `n` times, each attempt made as soon as the previous lock allows. */
function failRepeatedly(n: number, policy = ACCOUNT_POLICY) {
  let record: ThrottleRecord | null = null;
  let now = t0;
  const locks: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    record = afterFailure(record, now, policy);
    locks.push(record.lockedUntil ? record.lockedUntil.getTime() - now.getTime() : null);
    now = record.lockedUntil ?? new Date(now.getTime() + 1000);
  }
  return { record: record!, locks };
}

describe("login throttle", () => {
  it("lets four failures through, locks on the fifth for a minute, then doubles up to an hour", () => {
    const { locks } = failRepeatedly(13);
    expect(locks).toEqual([null, null, null, null, MIN, 2 * MIN, 4 * MIN, 8 * MIN, 16 * MIN, 32 * MIN, 60 * MIN, 60 * MIN, 60 * MIN]);
  });

  it("gives an IP address twenty failures before the same back-off", () => {
    const { locks } = failRepeatedly(21, IP_POLICY);
    expect(locks.slice(0, 19).every((l) => l === null)).toBe(true);
    expect(locks.slice(19)).toEqual([MIN, 2 * MIN]);
  });

  it("is locked until the lock ends, and free from that instant", () => {
    const record = afterFailure({ failures: 4, lastFailureAt: t0, lockedUntil: null }, t0, ACCOUNT_POLICY);
    expect(lockedUntil(record, at(30_000))).toEqual(at(MIN));
    expect(lockedUntil(record, at(MIN))).toBeNull();
    expect(lockedUntil(null, t0)).toBeNull();
  });

  it("does not count attempts made while locked", () => {
    const locked = afterFailure({ failures: 4, lastFailureAt: t0, lockedUntil: null }, t0, ACCOUNT_POLICY);
    expect(afterFailure(locked, at(10_000), ACCOUNT_POLICY)).toBe(locked);
  });

  it("forgets a streak after a quiet day", () => {
    const { record } = failRepeatedly(7);
    const later = new Date(record.lastFailureAt.getTime() + ACCOUNT_POLICY.resetAfterMs);
    expect(afterFailure(record, later, ACCOUNT_POLICY)).toEqual({ failures: 1, lastFailureAt: later, lockedUntil: null });
  });

  it("never overflows the lock length", () => {
    const record = afterFailure({ failures: 5000, lastFailureAt: t0, lockedUntil: null }, at(1000), ACCOUNT_POLICY);
    expect(record.lockedUntil).toEqual(at(1000 + 60 * MIN));
  });

  it("takes the later of the account's and the IP's lock", () => {
    expect(laterOf(null, null)).toBeNull();
    expect(laterOf(at(1), null)).toEqual(at(1));
    expect(laterOf(null, at(2))).toEqual(at(2));
    expect(laterOf(at(5), at(2))).toEqual(at(5));
  });
});
