import { describe, expect, it } from "vitest";
import { attribute, funnelOf, lastTouch, localDayKey } from "./attribution";

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
