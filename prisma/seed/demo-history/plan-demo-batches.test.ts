import { describe, expect, it } from "vitest";
import { DAY_MS, shanghaiParts } from "../time";
import { growth, PAUSED_DAYS_AGO, planDemoBatches, STOPPED_DAYS_AGO } from "./plan-demo-batches";

const now = new Date("2026-03-10T13:40:00Z"); // 21:40 Shanghai

describe("the demo's batch calls", () => {
  const batches = planDemoBatches(now);
  const daysAgo = (at: Date) => (now.getTime() - at.getTime()) / DAY_MS;

  it("span the last 60 days, in order, and none is in the future", () => {
    expect(batches.length).toBeGreaterThan(30);
    expect(Math.max(...batches.map((b) => daysAgo(b.at)))).toBeLessThanOrEqual(60);
    expect(batches.every((b) => b.at <= now)).toBe(true);
    expect(batches.map((b) => b.at.getTime())).toEqual([...batches.map((b) => b.at.getTime())].sort((a, b) => a - b));
  });

  it("are launched inside the calling window, except the late ones the demo needs", () => {
    const hours = batches.map((b) => shanghaiParts(b.at).hour);
    expect(hours.filter((h) => h < 9 || h >= 20).length).toBeLessThanOrEqual(1); // today's batch, 20 minutes before now
  });

  it("stop calling the paused and stopped scripts before their change", () => {
    for (const b of batches.filter((x) => x.script === "reactivation")) expect(daysAgo(b.at)).toBeGreaterThan(PAUSED_DAYS_AGO - 1);
    for (const b of batches.filter((x) => x.script === "kids")) expect(daysAgo(b.at)).toBeGreaterThan(STOPPED_DAYS_AGO - 1);
  });

  it("launch a late batch on the day of the pause and of the stop, so the change finds patients still waiting", () => {
    for (const [script, days] of [["reactivation", PAUSED_DAYS_AGO], ["kids", STOPPED_DAYS_AGO]] as const) {
      const day = shanghaiParts(new Date(now.getTime() - days * DAY_MS));
      const late = batches.filter((b) => b.script === script && shanghaiParts(b.at).day === day.day && shanghaiParts(b.at).month === day.month);
      expect(late, script).toHaveLength(1);
      expect(shanghaiParts(late[0]!.at).hour, script).toBe(19);
    }
  });

  it("grow week over week", () => {
    expect(growth(0)).toBeGreaterThan(growth(7));
    const week = (from: number) => batches.filter((b) => daysAgo(b.at) >= from && daysAgo(b.at) < from + 14).reduce((n, b) => n + b.size, 0);
    expect(week(0)).toBeGreaterThan(week(42));
  });

  it("are the same for the same clock", () => {
    expect(planDemoBatches(now)).toEqual(batches);
  });
});
