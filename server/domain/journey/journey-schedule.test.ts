import { describe, expect, it } from "vitest";
import { describeSchedule, dueSlot, nextSlot } from "./journey-schedule";

const SH = "Asia/Shanghai";
const NY = "America/New_York";
const daily = { kind: "daily", time: "10:00" } as const;

describe("journey schedules in the clinic's time zone", () => {
  it("runs every day at 10:00 Shanghai time, whatever the server's zone", () => {
    // 02:30 UTC is 10:30 in Shanghai: today's 10:00 slot (02:00 UTC) is due.
    const now = new Date("2026-11-25T02:30:00Z");
    expect(dueSlot(daily, SH, now, new Date("2026-11-01T00:00:00Z"))?.toISOString()).toBe("2026-11-25T02:00:00.000Z");
    // 01:59 UTC is 09:59 in Shanghai: the due slot is yesterday's.
    expect(dueSlot(daily, SH, new Date("2026-11-25T01:59:00Z"), new Date("2026-11-01T00:00:00Z"))?.toISOString()).toBe(
      "2026-11-24T02:00:00.000Z",
    );
    expect(nextSlot(daily, SH, now)?.toISOString()).toBe("2026-11-26T02:00:00.000Z");
  });

  it("follows daylight saving in a zone that has it", () => {
    expect(nextSlot(daily, NY, new Date("2026-07-01T00:00:00Z"))?.toISOString()).toBe("2026-07-01T14:00:00.000Z");
    expect(nextSlot(daily, NY, new Date("2026-12-01T00:00:00Z"))?.toISOString()).toBe("2026-12-01T15:00:00.000Z");
  });

  it("does not run a slot from before the journey was published", () => {
    const publishedAt = new Date("2026-11-25T03:00:00Z"); // 11:00 Shanghai
    expect(dueSlot(daily, SH, new Date("2026-11-25T05:00:00Z"), publishedAt)).toBeNull();
    expect(dueSlot(daily, SH, new Date("2026-11-26T02:00:00Z"), publishedAt)?.toISOString()).toBe("2026-11-26T02:00:00.000Z");
  });

  it("after downtime runs only the latest missed slot", () => {
    // Down from the 24th to the 27th at 15:00 Shanghai: the 27th's 10:00 is the one run.
    const due = dueSlot(daily, SH, new Date("2026-11-27T07:00:00Z"), new Date("2026-11-24T02:00:00.001Z"));
    expect(due?.toISOString()).toBe("2026-11-27T02:00:00.000Z");
    // Once that ran (notBefore moves past it), nothing more is due until the next day.
    expect(dueSlot(daily, SH, new Date("2026-11-27T07:00:00Z"), new Date(due!.getTime() + 1))).toBeNull();
  });

  it("runs a single schedule once, at its local time", () => {
    const once = { kind: "once", at: "2026-12-01T10:00" } as const;
    const publishedAt = new Date("2026-11-25T00:00:00Z");
    expect(dueSlot(once, SH, new Date("2026-12-01T01:59:00Z"), publishedAt)).toBeNull();
    expect(dueSlot(once, SH, new Date("2026-12-03T00:00:00Z"), publishedAt)?.toISOString()).toBe("2026-12-01T02:00:00.000Z");
    expect(nextSlot(once, SH, new Date("2026-12-01T02:00:00Z"))).toBeNull();
  });

  it("describes itself in zh-CN", () => {
    expect(describeSchedule(daily)).toBe("每天 10:00");
    expect(describeSchedule({ kind: "once", at: "2026-12-01T10:00" })).toBe("2026-12-01 10:00 执行一次");
  });
});
