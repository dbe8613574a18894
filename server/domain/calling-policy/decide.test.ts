import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDayRange } from "../time/local-day";
import { isInCallingWindow } from "./calling-window";
import { numberInCallRule, seatsRule, throttleRule } from "./capacity";
import { carrierInterceptionRule } from "./carrier-interception";
import { decide } from "./decide";
import { dncRule, matchDnc } from "./dnc";
import { frequencyCapsRule } from "./frequency-caps";
import { DAY_MS, MOBILE, scenarioArb } from "./arbitraries.test-helpers";
import type { PastCall, PolicyContext } from "./types";

const SH = "Asia/Shanghai";
const NOON = new Date("2026-03-02T04:00:00Z"); // 12:00 in Shanghai
const task = { id: "t-new", scriptId: "s1", mobile: MOBILE };
const baseCtx: PolicyContext = {
  timeZone: SH,
  category: "service",
  limits: { seatLimit: 1000, seatsPerScript: 50, dialsPerMinuteScript: 60 },
  seats: { companyActive: 0, scriptActive: 0 },
  recentDials: { count: 0, oldestAt: null },
  history: [],
  dnc: { ok: true, entries: [] },
};
const call = (p: Partial<PastCall> & { daysAgo: number }): PastCall => ({
  taskId: "t-old",
  scriptId: "s1",
  category: "service",
  answered: false,
  inProgress: false,
  dialedAt: new Date(NOON.getTime() - p.daysAgo * DAY_MS),
  ...p,
});

describe("decide", () => {
  it("allows a first call inside the window with nothing against it", () => {
    expect(decide(task, baseCtx, NOON)).toEqual({ kind: "allow" });
  });

  it("blocks DNC hits by kind, and blocks when the lookup fails", () => {
    const on = (kind: "platform" | "highComplaint" | "optOut", mobile = MOBILE) => ({ ...baseCtx, dnc: { ok: true as const, entries: [{ kind, mobile, pattern: null }] } });
    expect(decide(task, on("optOut"), NOON)).toEqual({ kind: "intercept", rule: "dncOptOut" });
    expect(decide(task, on("highComplaint"), NOON)).toEqual({ kind: "intercept", rule: "dncHighComplaint" });
    expect(decide(task, on("platform", "13800138000"), NOON)).toEqual({ kind: "allow" });
    expect(decide(task, { ...baseCtx, dnc: { ok: false } }, NOON)).toEqual({ kind: "intercept", rule: "dncLookupFailed" });
  });

  it("recognises the seed's vanity numbers by pattern", () => {
    const entries = [
      { kind: "vanityPattern" as const, mobile: null, pattern: "^1\\d{2}(\\d)\\1{7}$" },
      { kind: "vanityPattern" as const, mobile: null, pattern: "^1\\d{2}(?:01234567|12345678|23456789)$" },
    ];
    expect(matchDnc("15888888888", entries)).toBe(entries[0]);
    expect(matchDnc("13912345678", entries)).toBe(entries[1]);
    expect(matchDnc("13912345679", entries)).toBeNull();
    expect(dncRule("13912345678", { ok: true, entries })).toEqual({ kind: "intercept", rule: "dncVanityNumber" });
    expect(matchDnc("13912345678", [{ kind: "vanityPattern", mobile: null, pattern: "(" }])).toBe("error");
  });

  it("intercepts a second outreach of the same script within 15 days, but not its own redial", () => {
    expect(frequencyCapsRule(task, [call({ daysAgo: 14.9 })], NOON)).toEqual({ kind: "intercept", rule: "sameScriptWithin15Days" });
    expect(frequencyCapsRule(task, [call({ daysAgo: 15 })], NOON)).toEqual({ kind: "allow" });
    expect(frequencyCapsRule(task, [call({ daysAgo: 0.02, taskId: task.id })], NOON)).toEqual({ kind: "allow" });
  });

  it("intercepts a fifth outreach within 30 days across scripts, counting each task once", () => {
    const four = ["a", "b", "c", "d"].map((id, i) => call({ daysAgo: 3 + i * 6, taskId: id, scriptId: `other-${id}` }));
    expect(frequencyCapsRule(task, four, NOON)).toEqual({ kind: "intercept", rule: "outreachesWithin30Days" });
    const threeWithRedials = [...four.slice(0, 3), call({ daysAgo: 2.9, taskId: "a", scriptId: "other-a" })];
    expect(frequencyCapsRule(task, threeWithRedials, NOON)).toEqual({ kind: "allow" });
  });

  it("applies the carrier's limits by category", () => {
    const today = (n: number, answered: number) =>
      Array.from({ length: n }, (_, i) => call({ daysAgo: 0.1, taskId: `x${i}`, scriptId: `s${i + 10}`, answered: i < answered }));
    // 4 calls today (one answered) on other scripts — a 5th service call is allowed, a 6th is not.
    expect(carrierInterceptionRule("service", today(4, 1), NOON, SH)).toEqual({ kind: "allow" });
    expect(carrierInterceptionRule("service", today(5, 0), NOON, SH)).toEqual({ kind: "intercept", rule: "carrierServiceDailyCalls" });
    expect(carrierInterceptionRule("service", today(3, 3), NOON, SH)).toEqual({ kind: "intercept", rule: "carrierServiceDailyConnected" });
    // Yesterday's calls do not count for the daily service limit (Shanghai midnight = 16:00 UTC the day before).
    const yesterday = Array.from({ length: 5 }, (_, i) => ({ ...call({ daysAgo: 0, taskId: `y${i}` }), dialedAt: new Date("2026-03-01T15:59:00Z") }));
    expect(carrierInterceptionRule("service", yesterday, NOON, SH)).toEqual({ kind: "allow" });
    // Marketing: 1 connected or 3 calls within 15 days.
    const mk = (p: Partial<PastCall> & { daysAgo: number }) => call({ category: "marketing", ...p });
    expect(carrierInterceptionRule("marketing", [mk({ daysAgo: 14, answered: true })], NOON, SH)).toEqual({ kind: "intercept", rule: "carrierMarketingConnected15Days" });
    expect(carrierInterceptionRule("marketing", [mk({ daysAgo: 1 }), mk({ daysAgo: 2 }), mk({ daysAgo: 3 })], NOON, SH)).toEqual({ kind: "intercept", rule: "carrierMarketingCalls15Days" });
    expect(carrierInterceptionRule("marketing", [mk({ daysAgo: 16, answered: true })], NOON, SH)).toEqual({ kind: "allow" });
    // Service calls do not count against marketing limits.
    expect(carrierInterceptionRule("marketing", today(5, 3), NOON, SH)).toEqual({ kind: "allow" });
  });

  it("waits for seats, the per-minute throttle and a number already in a call", () => {
    expect(seatsRule({ ...baseCtx, seats: { companyActive: 1000, scriptActive: 0 } }, NOON)).toMatchObject({ kind: "defer", rule: "companySeatsFull" });
    expect(seatsRule({ ...baseCtx, seats: { companyActive: 10, scriptActive: 50 } }, NOON)).toMatchObject({ kind: "defer", rule: "scriptSeatsFull" });
    const oldest = new Date(NOON.getTime() - 45_000);
    expect(throttleRule({ ...baseCtx, recentDials: { count: 60, oldestAt: oldest } }, NOON)).toEqual({
      kind: "defer",
      until: new Date(oldest.getTime() + 60_000),
      rule: "scriptThrottled",
    });
    expect(throttleRule({ ...baseCtx, recentDials: { count: 59, oldestAt: oldest } }, NOON)).toEqual({ kind: "allow" });
    expect(numberInCallRule(task.id, [call({ daysAgo: 0, inProgress: true, taskId: "other" })], NOON)).toMatchObject({ kind: "defer", rule: "numberInCall" });
  });

  it("judges the clock first: at night nothing else is evaluated", () => {
    const night = new Date("2026-03-02T14:00:00Z"); // 22:00
    const ctx = { ...baseCtx, dnc: { ok: false as const } };
    expect(decide(task, ctx, night)).toMatchObject({ kind: "defer", rule: "outsideCallingWindow" });
  });
});

describe("decide — properties over random clocks, zones and call histories", () => {
  const others = (ctx: PolicyContext, taskId: string, from: number, to: number, scriptId?: string) =>
    new Set(ctx.history.filter((c) => c.taskId !== taskId && (!scriptId || c.scriptId === scriptId) && c.dialedAt.getTime() > from && c.dialedAt.getTime() <= to).map((c) => c.taskId)).size;

  it("allows only when every rule allows, and then every limit holds", () => {
    let allowed = 0;
    fc.assert(
      fc.property(scenarioArb, ({ now, task, ctx }) => {
        const d = decide(task, ctx, now);
        if (d.kind === "allow") allowed += 1;
        if (d.kind !== "allow") {
          if (d.kind === "defer") expect(d.until.getTime()).toBeGreaterThan(now.getTime());
          return;
        }
        const t = now.getTime();
        expect(isInCallingWindow(now, ctx.timeZone)).toBe(true);
        expect(ctx.dnc.ok).toBe(true);
        if (ctx.dnc.ok) expect(matchDnc(task.mobile, ctx.dnc.entries)).toBeNull();
        expect(others(ctx, task.id, t - 15 * DAY_MS, t, task.scriptId)).toBe(0);
        expect(others(ctx, task.id, t - 30 * DAY_MS, t)).toBeLessThan(4);
        const from = ctx.category === "service" ? localDayRange(now, ctx.timeZone).start.getTime() - 1 : t - 15 * DAY_MS;
        const period = ctx.history.filter((c) => c.category === ctx.category && c.dialedAt.getTime() > from && c.dialedAt.getTime() <= t);
        expect(period.length).toBeLessThan(ctx.category === "service" ? 5 : 3);
        expect(period.filter((c) => c.answered).length).toBeLessThan(ctx.category === "service" ? 3 : 1);
        expect(ctx.history.some((c) => c.inProgress && c.taskId !== task.id)).toBe(false);
        expect(ctx.seats.companyActive).toBeLessThan(ctx.limits.seatLimit);
        expect(ctx.seats.scriptActive).toBeLessThan(ctx.limits.seatsPerScript);
        expect(ctx.recentDials.count).toBeLessThan(ctx.limits.dialsPerMinuteScript);
      }),
      { numRuns: 3000 },
    );
    // The generator must reach the interesting branch often enough for the property to mean something.
    expect(allowed).toBeGreaterThan(30);
  });

  it("a failed DNC lookup never lets a call through", () => {
    fc.assert(
      fc.property(scenarioArb, ({ now, task, ctx }) => {
        expect(decide(task, { ...ctx, dnc: { ok: false } }, now).kind).not.toBe("allow");
      }),
    );
  });
});
