import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zonedParts } from "../time/local-day";
import { callingWindowRule, isInCallingWindow, nextWindowStart } from "./calling-window";

const ZONES = Intl.supportedValuesOf("timeZone");
const instant = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-01-01T00:00:00Z"), noInvalidDate: true });
const zone = fc.constantFrom(...ZONES);

describe("calling window 09:00–20:00 clinic time", () => {
  it("allows 09:00 and 19:59 and refuses 20:00 and 08:59 in Shanghai", () => {
    const sh = "Asia/Shanghai";
    expect(isInCallingWindow(new Date("2026-03-02T01:00:00Z"), sh)).toBe(true); // 09:00
    expect(isInCallingWindow(new Date("2026-03-02T11:59:59Z"), sh)).toBe(true); // 19:59:59
    expect(isInCallingWindow(new Date("2026-03-02T12:00:00Z"), sh)).toBe(false); // 20:00
    expect(isInCallingWindow(new Date("2026-03-02T00:59:59Z"), sh)).toBe(false); // 08:59:59
  });

  it("defers to today's 09:00 before it and to tomorrow's 09:00 after 20:00", () => {
    const sh = "Asia/Shanghai";
    expect(nextWindowStart(new Date("2026-03-01T22:30:00Z"), sh)).toEqual(new Date("2026-03-02T01:00:00Z")); // 06:30 → 09:00
    expect(nextWindowStart(new Date("2026-03-02T12:00:00Z"), sh)).toEqual(new Date("2026-03-03T01:00:00Z")); // 20:00 → next day
    expect(callingWindowRule(new Date("2026-03-02T15:00:00Z"), sh)).toEqual({
      kind: "defer",
      until: new Date("2026-03-03T01:00:00Z"),
      rule: "outsideCallingWindow",
    });
  });

  it("uses the clinic's zone, not the process zone", () => {
    // 12:00 UTC is 20:00 in Shanghai (closed) but 07:00 in New York (closed until 09:00 EST = 14:00 UTC).
    const at = new Date("2026-01-15T12:00:00Z");
    expect(isInCallingWindow(at, "Asia/Shanghai")).toBe(false);
    expect(nextWindowStart(at, "America/New_York")).toEqual(new Date("2026-01-15T14:00:00Z"));
  });

  it("property: never allows a call outside 09:00–20:00 local, in any zone", () => {
    fc.assert(
      fc.property(instant, zone, (now, tz) => {
        const decision = callingWindowRule(now, tz);
        const { hour } = zonedParts(now, tz);
        if (decision.kind === "allow") expect(hour >= 9 && hour < 20).toBe(true);
        else expect(hour < 9 || hour >= 20).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: a deferred task resumes at the first local 09:00 after now, by itself", () => {
    fc.assert(
      fc.property(instant, zone, (now, tz) => {
        const decision = callingWindowRule(now, tz);
        if (decision.kind !== "defer") return;
        const until = decision.until;
        expect(until.getTime()).toBeGreaterThan(now.getTime());
        expect(isInCallingWindow(until, tz)).toBe(true);
        expect(zonedParts(until, tz).hour).toBe(9);
        // No allowed instant in between: the wait is at most one day plus a DST shift, and a minute earlier is closed.
        expect(until.getTime() - now.getTime()).toBeLessThanOrEqual(26 * 3600_000);
        expect(isInCallingWindow(new Date(until.getTime() - 60_000), tz)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
