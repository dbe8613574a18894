import { describe, expect, it } from "vitest";
import { callingProblems, smsBalance, smsProblems, type CallingAccount } from "./capacity-problems";

const now = new Date("2026-12-07T00:00:00Z");
const sec = (days: number) => Math.floor(now.getTime() / 1000) + days * 86400;
const good: CallingAccount = {
  numbers: [{ number: "008602150000000", state: 1, ownNumber: true, outboundSkillGroups: 1 }],
  callers: ["02150000000"],
  packages: [{ id: "p1", type: 0, capacity: 10000, remaining: 8000, endsAt: sec(90) }],
  seats: 5,
};

describe("callingProblems", () => {
  it("finds nothing wrong with a usable own number, seats and a live package", () => {
    expect(callingProblems(good, now)).toEqual([]);
  });
  it("names a missing number, an unusable caller, no seats, and a package that expires in 5 days and runs low", () => {
    expect(callingProblems({ ...good, numbers: [{ ...good.numbers[0]!, state: 2 }], seats: 0, packages: [{ id: "p", type: 0, capacity: 1000, remaining: 50, endsAt: sec(5) }] }, now)).toEqual([
      { code: "noOutboundNumber" },
      { code: "callerUnusable", number: "02150000000", state: 2 },
      { code: "noSeats" },
      { code: "callPackageExpiresSoon", days: 5 },
      { code: "callPackageLow", remaining: 50 },
    ]);
    expect(callingProblems({ ...good, packages: [{ id: "p", type: 0, capacity: 1, remaining: 1, endsAt: sec(-3) }] }, now)).toEqual([{ code: "callPackageExpired", endedDaysAgo: 3 }]);
    expect(callingProblems({ ...good, numbers: [{ ...good.numbers[0]!, ownNumber: false }], packages: [{ id: "p", type: 1, capacity: 1, remaining: 1, endsAt: sec(30) }] }, now)).toEqual([
      { code: "noOwnNumber" },
      { code: "callPackageMissing" },
    ]);
  });
});

describe("smsProblems", () => {
  it("sums what is left of live packages and warns below 500 or near expiry", () => {
    const a = { packages: [{ id: "1", amount: 1000, used: 900, expiresAt: sec(3) }, { id: "2", amount: 5000, used: 0, expiresAt: sec(-1) }] };
    expect(smsBalance(a, now)).toBe(100);
    expect(smsProblems(a, now)).toEqual([{ code: "smsBalanceLow", balance: 100 }, { code: "smsPackageExpiresSoon", days: 3 }]);
    expect(smsProblems({ packages: [] }, now)).toEqual([{ code: "smsPackageMissing" }]);
    expect(smsProblems({ packages: [{ id: "1", amount: 10000, used: 0, expiresAt: sec(100) }] }, now)).toEqual([]);
  });
});
