import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { freeCapacity, seatsRule, throttleRule } from "./capacity";
import { HISTORY_LOOKBACK_DAYS, historySince } from "./history-window";
import { companyLimits, PRODUCT_LIMITS } from "./limits";

describe("the product's limits", () => {
  it("are seed §7's: 1000 seats, 50 per enabled script, 40–60 dials a minute, one redial after 30 minutes", () => {
    expect(PRODUCT_LIMITS).toEqual({ seatLimit: 1000, seatsPerScript: 50, dialsPerMinuteScript: 60, redialMaxAttempts: 2, redialIntervalMin: 30 });
  });

  it("apply where a company has none of its own, and its own where it has", () => {
    expect(companyLimits({ seatLimit: null, seatsPerScript: null, dialsPerMinuteScript: null, redialMaxAttempts: null, redialIntervalMin: null })).toEqual(PRODUCT_LIMITS);
    expect(companyLimits({ seatLimit: 2000, redialIntervalMin: 10 })).toEqual({ ...PRODUCT_LIMITS, seatLimit: 2000, redialIntervalMin: 10 });
  });
});

describe("free capacity", () => {
  const limits = { seatLimit: 10, seatsPerScript: 4, dialsPerMinuteScript: 6 };

  it("is the tightest of the script's seats, the company's seats and the per-minute throttle", () => {
    expect(freeCapacity(limits, { companyActive: 0, scriptActive: 0, recentDials: 0 })).toBe(4);
    expect(freeCapacity(limits, { companyActive: 8, scriptActive: 0, recentDials: 0 })).toBe(2);
    expect(freeCapacity(limits, { companyActive: 0, scriptActive: 0, recentDials: 5 })).toBe(1);
    expect(freeCapacity(limits, { companyActive: 12, scriptActive: 5, recentDials: 9 })).toBe(0);
  });

  it("admits exactly as many tasks as the seat and throttle rules allow one by one", () => {
    const now = new Date("2026-03-02T02:00:00Z");
    fc.assert(
      fc.property(fc.nat(12), fc.nat(6), fc.nat(8), (companyActive, scriptActive, recentDials) => {
        let load = { companyActive, scriptActive, recentDials };
        let admitted = 0;
        const ctx = () => ({ limits, seats: { companyActive: load.companyActive, scriptActive: load.scriptActive }, recentDials: { count: load.recentDials, oldestAt: null } });
        while (seatsRule(ctx(), now).kind === "allow" && throttleRule(ctx(), now).kind === "allow") {
          admitted += 1;
          load = { companyActive: load.companyActive + 1, scriptActive: load.scriptActive + 1, recentDials: load.recentDials + 1 };
        }
        expect(freeCapacity(limits, { companyActive, scriptActive, recentDials })).toBe(admitted);
      }),
    );
  });
});

describe("the history the rules read", () => {
  it("reaches back over the longest window a rule counts in (30 days of outreaches)", () => {
    expect(HISTORY_LOOKBACK_DAYS).toBe(30);
    expect(historySince(new Date("2026-03-31T00:00:00Z"))).toEqual(new Date("2026-03-01T00:00:00Z"));
  });
});
