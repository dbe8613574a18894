import { describe, expect, it } from "vitest";
import { localDayRange, zonedParts, zonedTimeToInstant } from "./local-day";

describe("local days", () => {
  it("finds the Shanghai day of an instant late in the UTC day", () => {
    // 2026-11-24 17:30 UTC is 2026-11-25 01:30 in Shanghai.
    const { start, end } = localDayRange(new Date("2026-11-24T17:30:00Z"), "Asia/Shanghai");
    expect(start.toISOString()).toBe("2026-11-24T16:00:00.000Z");
    expect(end.toISOString()).toBe("2026-11-25T16:00:00.000Z");
  });
  it("gives tomorrow across a month end", () => {
    const { start } = localDayRange(new Date("2026-11-30T10:00:00Z"), "Asia/Shanghai", 1);
    expect(start.toISOString()).toBe("2026-11-30T16:00:00.000Z");
  });
  it("handles a zone with daylight saving", () => {
    const instant = zonedTimeToInstant({ year: 2026, month: 7, day: 1, hour: 9 }, "America/New_York");
    expect(instant.toISOString()).toBe("2026-07-01T13:00:00.000Z");
    expect(zonedParts(instant, "America/New_York").hour).toBe(9);
  });
});
