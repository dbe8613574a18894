import { describe, expect, it } from "vitest";
import { parseAppointmentSlot, readNumber } from "./appointment-slot";

const TZ = "Asia/Shanghai";
// Monday 2026-12-07 10:00 in Shanghai = 02:00 UTC.
const MONDAY_10 = new Date("2026-12-07T02:00:00Z");
const iso = (d: Date | undefined) => d?.toISOString();

describe("parseAppointmentSlot", () => {
  it("reads 周六上午 as the coming Saturday 09:00–12:00 Shanghai time", () => {
    const s = parseAppointmentSlot("周六上午", MONDAY_10, TZ);
    expect(iso(s?.start)).toBe("2026-12-12T01:00:00.000Z");
    expect(iso(s?.end)).toBe("2026-12-12T04:00:00.000Z");
    expect(s?.precision).toBe("part");
  });

  it("places the day in the clinic's zone, not UTC: late Sunday evening UTC is already Monday in Shanghai", () => {
    // 2026-12-06T17:00Z = Monday 01:00 in Shanghai: 明天 is Tuesday.
    const s = parseAppointmentSlot("明天下午三点", new Date("2026-12-06T17:00:00Z"), TZ);
    expect(iso(s?.start)).toBe("2026-12-08T07:00:00.000Z");
    expect(iso(s?.end)).toBe("2026-12-08T08:00:00.000Z");
    expect(s?.precision).toBe("exact");
  });

  it("reads 下周二 as next week's Tuesday in the clinic's hours", () => {
    const s = parseAppointmentSlot("下周二", MONDAY_10, TZ);
    expect(iso(s?.start)).toBe("2026-12-15T01:00:00.000Z");
    expect(iso(s?.end)).toBe("2026-12-15T10:00:00.000Z");
    expect(s?.precision).toBe("day");
  });

  it("takes today's weekday only while the slot is ahead", () => {
    expect(iso(parseAppointmentSlot("周一下午", MONDAY_10, TZ)?.start)).toBe("2026-12-07T06:00:00.000Z");
    expect(iso(parseAppointmentSlot("周一上午", new Date("2026-12-07T05:00:00Z"), TZ)?.start)).toBe("2026-12-14T01:00:00.000Z");
  });

  it("reads dates and half hours; a past date is next month's", () => {
    expect(iso(parseAppointmentSlot("12号上午十点半", MONDAY_10, TZ)?.start)).toBe("2026-12-12T02:30:00.000Z");
    expect(iso(parseAppointmentSlot("3号", MONDAY_10, TZ)?.start)).toBe("2027-01-03T01:00:00.000Z");
    expect(iso(parseAppointmentSlot("后天晚上", MONDAY_10, TZ)?.start)).toBe("2026-12-09T10:00:00.000Z");
  });

  it("places nothing it cannot read", () => {
    expect(parseAppointmentSlot("月底", MONDAY_10, TZ)).toBeNull();
    expect(parseAppointmentSlot("过两天", MONDAY_10, TZ)).toBeNull();
  });

  it("reads Chinese numerals", () => {
    expect(readNumber("十二")).toBe(12);
    expect(readNumber("二十")).toBe(20);
    expect(readNumber("两")).toBe(2);
    expect(readNumber("x")).toBeNull();
  });
});
