import { describe, expect, it } from "vitest";
import { cronMatches, parseCron } from "./cron-schedule";

describe("cron schedules", () => {
  it("matches every minute", () => {
    const every = parseCron("* * * * *");
    expect(cronMatches(every, new Date("2026-03-02T04:17:00Z"))).toBe(true);
  });

  it("reads fields in UTC unless a TZ= prefix says otherwise", () => {
    const ten = parseCron("0 10 * * *");
    expect(cronMatches(ten, new Date("2026-03-02T10:00:30Z"))).toBe(true);
    expect(cronMatches(ten, new Date("2026-03-02T02:00:00Z"))).toBe(false);
    const tenShanghai = parseCron("TZ=Asia/Shanghai 0 10 * * *");
    expect(cronMatches(tenShanghai, new Date("2026-03-02T02:00:00Z"))).toBe(true);
  });

  it("supports lists, ranges, steps and weekdays (7 = Sunday)", () => {
    const s = parseCron("*/15 9-11,14 * * 1-5");
    expect(cronMatches(s, new Date("2026-03-02T09:45:00Z"))).toBe(true); // Monday
    expect(cronMatches(s, new Date("2026-03-02T09:46:00Z"))).toBe(false);
    expect(cronMatches(s, new Date("2026-03-02T12:00:00Z"))).toBe(false);
    expect(cronMatches(s, new Date("2026-03-01T09:45:00Z"))).toBe(false); // Sunday
    expect(cronMatches(parseCron("0 0 * * 7"), new Date("2026-03-01T00:00:00Z"))).toBe(true);
  });

  it("refuses what it cannot read", () => {
    expect(() => parseCron("* * * *")).toThrow();
    expect(() => parseCron("61 * * * *")).toThrow();
    expect(() => parseCron("@hourly")).toThrow();
  });
});
