import { describe, expect, it } from "vitest";
import { attribute, creditPatients, funnelOf, lastTouch, localDayKey } from "./attribution";

const d = (s: string) => new Date(s);
const call = (id: string, at: string, patientId = "p", clinicId = "k") => ({ id, patientId, clinicId, at: d(at) });

describe("attribution", () => {
  it("credits the last answered call within the window before the appointment was made", () => {
    const calls = [call("c1", "2026-11-01T02:00:00Z", "p"), call("c2", "2026-11-10T02:00:00Z", "p")];
    const r = attribute(calls, [{ id: "a", patientId: "p", clinicId: "k", createdAt: d("2026-11-12T02:00:00Z"), startsAt: d("2026-11-20T02:00:00Z") }], []);
    expect(r.appointments.get("a")).toBe("c2");
  });

  it("credits nobody outside the window (default 30 days, configurable)", () => {
    const calls = [call("c1", "2026-10-01T02:00:00Z")];
    const appt = { id: "a", patientId: "p", clinicId: "k", createdAt: d("2026-11-05T02:00:00Z"), startsAt: d("2026-11-06T02:00:00Z") };
    expect(attribute(calls, [appt], []).appointments.size).toBe(0);
    expect(attribute(calls, [appt], [], 40).appointments.get("a")).toBe("c1");
  });

  it("does not count an appointment made before the call, nor the visit that keeps it", () => {
    const calls = [call("c1", "2026-11-10T02:00:00Z")];
    const appt = { id: "a", patientId: "p", clinicId: "k", createdAt: d("2026-11-01T02:00:00Z"), startsAt: d("2026-11-15T02:00:00Z") };
    const r = attribute(calls, [appt], [{ id: "v", patientId: "p", clinicId: "k", visitedAt: d("2026-11-15T02:30:00Z") }]);
    expect(r.appointments.size).toBe(0);
    expect(r.visits.size).toBe(0);
  });

  it("credits a visit to the last call before it, and never another patient's call", () => {
    const calls = [call("c1", "2026-11-10T02:00:00Z", "p"), call("c2", "2026-11-11T02:00:00Z", "q")];
    const r = attribute(calls, [], [{ id: "v", patientId: "p", clinicId: "k", visitedAt: d("2026-11-20T02:00:00Z") }, { id: "w", patientId: "z", clinicId: "k", visitedAt: d("2026-11-20T02:00:00Z") }]);
    expect(r.visits.get("v")).toBe("c1");
    expect(r.visits.has("w")).toBe(false);
  });

  it("ignores calls after the event", () => {
    expect(lastTouch([call("c1", "2026-11-10T02:00:00Z")], d("2026-11-09T02:00:00Z"), 30)).toBeNull();
  });

  it("puts a deduction on the clinic's local day, not UTC's", () => {
    // 2026-11-10 17:00 UTC is 11-11 01:00 in Shanghai.
    expect(localDayKey(d("2026-11-10T17:00:00Z"), "Asia/Shanghai")).toBe("2026-11-11");
  });
});

describe("creditPatients (what the write path stores)", () => {
  const appt = (id: string, createdAt: string, startsAt: string, clinicId = "k", cancelled = false) => ({ id, patientId: "p", clinicId, createdAt: d(createdAt), startsAt: d(startsAt), cancelled });
  const visit = (id: string, at: string, clinicId = "k") => ({ id, patientId: "p", clinicId, visitedAt: d(at) });
  const run = (input: Partial<Parameters<typeof creditPatients>[0]>) =>
    creditPatients({ calls: [], appointments: [], visits: [], deductions: [], windowDays: 30, zoneOf: () => "Asia/Shanghai", ...input });

  it("credits only a call of the booking's clinic (per clinic)", () => {
    const calls = [call("c1", "2026-11-01T02:00:00Z", "p", "k"), call("c2", "2026-11-05T02:00:00Z", "p", "other")];
    const r = run({ calls, appointments: [appt("a", "2026-11-06T02:00:00Z", "2026-11-08T02:00:00Z")], visits: [visit("v", "2026-11-08T02:00:00Z", "other")] });
    expect(r.appointments.get("a")).toBe("c1");
    expect(r.visits.get("v")!.callId).toBe("c2");
  });

  it("re-credits when a later answered call lands inside the window before the booking", () => {
    const booking = [appt("a", "2026-11-20T02:00:00Z", "2026-11-25T02:00:00Z")];
    const before = run({ calls: [call("c1", "2026-11-01T02:00:00Z")], appointments: booking });
    expect(before.appointments.get("a")).toBe("c1");
    const after = run({ calls: [call("c1", "2026-11-01T02:00:00Z"), call("late", "2026-11-19T02:00:00Z")], appointments: booking });
    expect(after.appointments.get("a")).toBe("late");
    // A call after the booking was made takes nothing from it.
    expect(run({ calls: [call("c1", "2026-11-01T02:00:00Z"), call("after", "2026-11-21T02:00:00Z")], appointments: booking }).appointments.get("a")).toBe("c1");
  });

  it("credits no cancelled appointment, and a visit keeping a booking made before the call is nobody's", () => {
    const calls = [call("c1", "2026-11-10T02:00:00Z")];
    const r = run({
      calls,
      appointments: [appt("x", "2026-11-11T02:00:00Z", "2026-11-12T02:00:00Z", "k", true), appt("old", "2026-11-01T02:00:00Z", "2026-11-15T02:00:00Z")],
      visits: [visit("v", "2026-11-15T03:00:00Z")],
    });
    expect(r.appointments.get("x")).toBeNull();
    expect(r.appointments.get("old")).toBeNull();
    expect(r.visits.get("v")).toEqual({ callId: null, revenueCents: 0 });
  });

  it("puts a day's deductions on its earliest credited visit once, on the clinic's local day", () => {
    const calls = [call("c1", "2026-11-01T02:00:00Z")];
    // 16:30 and 17:30 UTC are 00:30 / 01:30 of 11-11 in Shanghai: one local day with the 11-11 03:00 Shanghai visit …
    const visits = [visit("v2", "2026-11-10T17:30:00Z"), visit("v1", "2026-11-10T16:30:00Z"), visit("v3", "2026-11-11T20:00:00Z")];
    const deductions = [
      { patientId: "p", clinicId: "k", performedAt: d("2026-11-10T19:00:00Z"), amountCents: 1000 },
      { patientId: "p", clinicId: "k", performedAt: d("2026-11-11T01:00:00Z"), amountCents: 500 },
      { patientId: "p", clinicId: "k", performedAt: d("2026-11-11T20:30:00Z"), amountCents: 7 },
      { patientId: "p", clinicId: "elsewhere", performedAt: d("2026-11-11T01:00:00Z"), amountCents: 99 },
    ];
    const r = run({ calls, visits, deductions });
    expect(r.visits.get("v1")).toEqual({ callId: "c1", revenueCents: 1500 });
    expect(r.visits.get("v2")).toEqual({ callId: "c1", revenueCents: 0 });
    expect(r.visits.get("v3")).toEqual({ callId: "c1", revenueCents: 7 });
    // … but in UTC the first two visits and the 19:00 deduction are on 11-10, the 01:00 one with v3 on 11-11.
    const utc = run({ calls, visits, deductions, zoneOf: () => "UTC" });
    expect(utc.visits.get("v1")!.revenueCents).toBe(1000);
    expect(utc.visits.get("v3")!.revenueCents).toBe(500 + 7);
  });
});

describe("funnelOf", () => {
  const counts = { dialed: 100, answered: 40, effective: 20, interested: 10, booked: 5, visited: 4, revenueCents: 400000, billedMinutes: 120, smsSent: 10 };
  it("rates each step on the previous one and prices a visit", () => {
    const f = funnelOf(counts, { callPriceCentsPerMinute: 15, smsPriceCents: 5 });
    expect(f.rates.answered).toBe(40);
    expect(f.rates.visited).toBe(80);
    expect(f.costPerVisitCents).toBe(Math.round((120 * 15 + 10 * 5) / 4));
  });
  it("shows no cost without a price or a visit", () => {
    expect(funnelOf(counts, { callPriceCentsPerMinute: null, smsPriceCents: null }).costPerVisitCents).toBeNull();
    expect(funnelOf({ ...counts, visited: 0 }, { callPriceCentsPerMinute: 15, smsPriceCents: 5 }).costPerVisitCents).toBeNull();
  });
});
