import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callingWindowWait, isInCallingWindow, nextWindowStart } from "./calling-window";

const sh = "Asia/Shanghai";

describe("callingWindowWait: what the user is told outside 09:00–20:00", () => {
  it("says nothing inside the window", () => {
    expect(callingWindowWait(new Date("2026-03-02T01:00:00Z"), sh)).toBeNull(); // 09:00
    expect(callingWindowWait(new Date("2026-03-02T11:59:59Z"), sh)).toBeNull(); // 19:59:59
  });

  it("says 明天 09:00 in the evening and 今天 09:00 before dawn, in the clinic's zone", () => {
    expect(callingWindowWait(new Date("2026-03-02T12:00:00Z"), sh)).toEqual({ startsAt: new Date("2026-03-03T01:00:00Z"), dayOffset: 1, time: "09:00" }); // 20:00
    expect(callingWindowWait(new Date("2026-03-02T15:59:00Z"), sh)).toEqual({ startsAt: new Date("2026-03-03T01:00:00Z"), dayOffset: 1, time: "09:00" }); // 23:59
    expect(callingWindowWait(new Date("2026-03-02T16:00:00Z"), sh)).toEqual({ startsAt: new Date("2026-03-03T01:00:00Z"), dayOffset: 0, time: "09:00" }); // 00:00 next day
    expect(callingWindowWait(new Date("2026-03-03T00:59:00Z"), sh)).toEqual({ startsAt: new Date("2026-03-03T01:00:00Z"), dayOffset: 0, time: "09:00" }); // 08:59
    // 22:00 UTC is 17:00 in New York (inside) but 06:00 in Shanghai (outside)
    expect(callingWindowWait(new Date("2026-03-02T22:00:00Z"), "America/New_York")).toBeNull();
    expect(callingWindowWait(new Date("2026-03-02T22:00:00Z"), sh)?.dayOffset).toBe(0);
  });

  it("agrees with the dialer's window rule for any instant and zone", () => {
    const zones = ["Asia/Shanghai", "Asia/Urumqi", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Pacific/Chatham"];
    fc.assert(
      fc.property(fc.date({ min: new Date("2020-01-01Z"), max: new Date("2035-01-01Z"), noInvalidDate: true }), fc.constantFrom(...zones), (now, zone) => {
        const wait = callingWindowWait(now, zone);
        if (isInCallingWindow(now, zone)) return wait === null;
        return wait !== null && wait.startsAt.getTime() === nextWindowStart(now, zone).getTime() && (wait.dayOffset === 0 || wait.dayOffset === 1);
      }),
    );
  });
});
