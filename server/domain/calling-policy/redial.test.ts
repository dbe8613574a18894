import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CarrierOutcome } from "../calls/call-outcome";
import { PRODUCT_LIMITS } from "./limits";
import { effectiveMaxAttempts, planAfterAttempt } from "./redial";

const ENDED = new Date("2026-03-02T03:00:00Z");
/** The product's redial, as every company without its own gets it. */
const DEFAULT = { maxAttempts: PRODUCT_LIMITS.redialMaxAttempts, intervalMin: PRODUCT_LIMITS.redialIntervalMin };
const ALL: CarrierOutcome[] = ["answered", "noAnswer", "busy", "rejected", "poweredOff", "emptyNumber", "suspended", "inArrears", "unreachable", "networkBusy", "carrierBlocked", "voiceAssistant", "cancelled", "failed"];

describe("redial policy", () => {
  it("redials 无应答/忙线/拒绝/关机/呼叫失败 once, 30 minutes after the call ended", () => {
    for (const outcome of ["noAnswer", "busy", "rejected", "poweredOff", "failed"] as const) {
      expect(planAfterAttempt(outcome, 1, ENDED, DEFAULT)).toEqual({ kind: "redial", at: new Date("2026-03-02T03:30:00Z") });
      expect(planAfterAttempt(outcome, 2, ENDED, DEFAULT)).toEqual({ kind: "done" });
    }
  });

  it("never redials 空号, 停机 or an answered call", () => {
    for (const outcome of ["emptyNumber", "suspended", "inArrears", "answered"] as const) {
      expect(planAfterAttempt(outcome, 1, ENDED, { maxAttempts: 4, intervalMin: 30 })).toEqual({ kind: "done" });
    }
  });

  it("honours a configured count (at most 3 redials) and interval", () => {
    expect(planAfterAttempt("busy", 3, ENDED, { maxAttempts: 4, intervalMin: 10 })).toEqual({ kind: "redial", at: new Date("2026-03-02T03:10:00Z") });
    expect(effectiveMaxAttempts(9)).toBe(4);
    expect(effectiveMaxAttempts(0)).toBe(1);
    expect(planAfterAttempt("busy", 1, ENDED, { maxAttempts: 1, intervalMin: 30 })).toEqual({ kind: "done" });
  });

  it("property: the number of attempts of a task never exceeds 1 + 3, whatever the outcomes", () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 20 }), fc.array(fc.constantFrom(...ALL), { minLength: 1, maxLength: 10 }), (configured, outcomes) => {
        let attempt = 1;
        for (const outcome of outcomes) {
          const next = planAfterAttempt(outcome, attempt, ENDED, { maxAttempts: configured, intervalMin: 30 });
          if (next.kind === "done") break;
          expect(["emptyNumber", "suspended", "answered"]).not.toContain(outcome);
          attempt += 1;
        }
        expect(attempt).toBeLessThanOrEqual(4);
      }),
    );
  });
});
