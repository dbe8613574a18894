import { describe, expect, it } from "vitest";
import { testClockShiftMs } from "./env-test-clock";

const E2E = "postgresql://postgres@127.0.0.1:5432/zw_e2e_123_abc";

describe("the e2e-only shifted clock", () => {
  it("is off unless set", () => {
    expect(testClockShiftMs({ DATABASE_URL: E2E })).toBe(0);
    expect(testClockShiftMs({ DATABASE_URL: "postgresql://app@db:5432/zhineng", APP_TEST_CLOCK_SHIFT_MINUTES: " " })).toBe(0);
  });

  it("shifts by whole minutes on an e2e database", () => {
    expect(testClockShiftMs({ DATABASE_URL: E2E, APP_TEST_CLOCK_SHIFT_MINUTES: "240" })).toBe(240 * 60_000);
    expect(testClockShiftMs({ DATABASE_URL: E2E, APP_TEST_CLOCK_SHIFT_MINUTES: "-30" })).toBe(-30 * 60_000);
    expect(() => testClockShiftMs({ DATABASE_URL: E2E, APP_TEST_CLOCK_SHIFT_MINUTES: "1.5" })).toThrow(/whole number/);
  });

  it("refuses any other database, or none (the embedded one)", () => {
    for (const DATABASE_URL of ["postgresql://app@db:5432/zhineng", "postgresql://app@db:5432/prod_zw_e2e_1", undefined, "not a url"]) {
      expect(() => testClockShiftMs({ DATABASE_URL, APP_TEST_CLOCK_SHIFT_MINUTES: "240" })).toThrow(/e2e suite only/);
    }
  });
});
