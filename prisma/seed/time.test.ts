import { describe, expect, it } from "vitest";
import { atShanghai, shanghaiDayStart, shanghaiParts, shanghaiYearMonth } from "./time";

describe("Shanghai calendar", () => {
  it("starts the Shanghai day at 16:00 UTC of the previous UTC day", () => {
    // 2026-03-10 23:30 Shanghai
    expect(shanghaiDayStart(new Date("2026-03-10T15:30:00Z")).toISOString()).toBe("2026-03-09T16:00:00.000Z");
    // 2026-03-11 00:30 Shanghai (still 10 March in UTC)
    expect(shanghaiDayStart(new Date("2026-03-10T16:30:00Z")).toISOString()).toBe("2026-03-10T16:00:00.000Z");
  });

  it("puts tomorrow 09:00 on the next Shanghai day, whatever the UTC date", () => {
    // 00:30 Shanghai on 11 March: tomorrow is 12 March.
    expect(atShanghai(new Date("2026-03-10T16:30:00Z"), 1, 9).toISOString()).toBe("2026-03-12T01:00:00.000Z");
    // 23:30 Shanghai on 10 March: tomorrow is 11 March.
    expect(atShanghai(new Date("2026-03-10T15:30:00Z"), 1, 9).toISOString()).toBe("2026-03-11T01:00:00.000Z");
  });

  it("reads Shanghai parts and year-month", () => {
    const d = new Date("2024-02-29T16:05:00Z"); // 2024-03-01 00:05 Shanghai
    expect(shanghaiParts(d)).toEqual({ year: 2024, month: 3, day: 1, hour: 0, minute: 5 });
    expect(shanghaiYearMonth(d)).toBe("202403");
  });
});
