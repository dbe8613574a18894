import { describe, expect, it } from "vitest";
import { calendarDay, isCalendarDay } from "./calendar-day";

describe("calendarDay", () => {
  it("accepts real days, leap days included", () => {
    for (const d of ["2026-12-07", "2024-02-29", "2000-02-29", "2026-01-31"]) expect(calendarDay.safeParse(d).success).toBe(true);
  });
  it("refuses impossible ones with a zh-CN message", () => {
    for (const d of ["2026-13-45", "2026-02-29", "1900-02-29", "2026-04-31", "2026-00-10", "2026-01-00"]) {
      const r = calendarDay.safeParse(d);
      expect(r.success, d).toBe(false);
      expect(r.error?.issues[0]?.message).toBe("日期不存在");
    }
    expect(calendarDay.safeParse("2026-1-5").error?.issues[0]?.message).toBe("日期格式应为 YYYY-MM-DD");
    expect(isCalendarDay("2026-13-45T10:00")).toBe(false);
  });
});
