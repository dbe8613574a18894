import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { freeCapacity } from "./capacity";
import { decide } from "./decide";
import { notDialingReason, type NotDialingInput, type PendingInClinic } from "./not-dialing-reason";

const sh = "Asia/Shanghai";
const noon = new Date("2026-03-02T04:00:00Z"); // 12:00 in Shanghai
const evening = new Date("2026-03-02T13:00:00Z"); // 21:00 in Shanghai
const limits = { seatLimit: 10, seatsPerScript: 4, dialsPerMinuteScript: 6 };
const clinic = (over: Partial<PendingInClinic> = {}): PendingInClinic => ({ timeZone: sh, opened: true, dueNow: 5, later: 0, nextDueAt: null, ...over });
const input = (over: Partial<NotDialingInput> = {}): NotDialingInput => ({
  status: "enabled",
  pauseReason: null,
  balance: 100,
  outboundApproved: true,
  limits,
  load: { companyActive: 0, scriptActive: 0, recentDials: 0, recentOldestAt: null },
  clinics: [clinic()],
  ...over,
});

describe("notDialingReason: the one reason a script with pending tasks is not dialing", () => {
  it("is none while the claim would take its tasks, or when nothing is pending", () => {
    expect(notDialingReason(input(), noon)).toBeNull();
    expect(notDialingReason(input({ status: "paused", clinics: [clinic({ dueNow: 0 })] }), noon)).toBeNull();
  });

  it("says paused, stopped, or balance exhausted (also when the dialer paused it for the balance)", () => {
    expect(notDialingReason(input({ status: "paused", pauseReason: "manual" }), noon)).toEqual({ kind: "paused" });
    expect(notDialingReason(input({ status: "stopped" }), noon)).toEqual({ kind: "stopped" });
    expect(notDialingReason(input({ status: "paused", pauseReason: "insufficientBalance" }), noon)).toEqual({ kind: "balanceExhausted" });
    expect(notDialingReason(input({ balance: 0 }), noon)).toEqual({ kind: "balanceExhausted" });
    const probeAt = new Date(noon.getTime() + 60_000);
    expect(notDialingReason(input({ carrierHold: { code: "vendor:ccc:x", probeAt } }), noon)).toEqual({ kind: "carrierHeld", code: "vendor:ccc:x", probeAt });
  });

  it("says the clinic is not opened when none of the clinics with pending tasks may call", () => {
    expect(notDialingReason(input({ clinics: [clinic({ opened: false })] }), noon)).toEqual({ kind: "clinicNotOpened" });
    expect(notDialingReason(input({ clinics: [clinic({ opened: false }), clinic({ dueNow: 0, later: 0 })] }), noon)).toEqual({ kind: "clinicNotOpened" });
    expect(notDialingReason(input({ clinics: [clinic({ opened: false }), clinic()] }), noon)).toBeNull();
    expect(notDialingReason(input({ outboundApproved: false }), noon)).toEqual({ kind: "outboundNotApproved" });
  });

  it("names the capacity rule that is full, with when it looks again", () => {
    const at = (companyActive: number, scriptActive: number, recentDials: number, recentOldestAt: Date | null = null) =>
      notDialingReason(input({ load: { companyActive, scriptActive, recentDials, recentOldestAt } }), noon);
    expect(at(10, 0, 0)).toEqual({ kind: "companySeatsFull", retryAt: new Date(noon.getTime() + 15_000) });
    expect(at(5, 4, 0)).toEqual({ kind: "scriptSeatsFull", retryAt: new Date(noon.getTime() + 15_000) });
    expect(at(5, 2, 6, new Date(noon.getTime() - 20_000))).toEqual({ kind: "scriptThrottled", until: new Date(noon.getTime() + 40_000) });
  });

  it("says when the window opens outside 09:00–20:00, even for tasks the dialer deferred to the window", () => {
    expect(notDialingReason(input(), evening)).toEqual({ kind: "outsideCallingWindow", startsAt: new Date("2026-03-03T01:00:00Z"), dayOffset: 1, time: "09:00" });
    const deferred = clinic({ dueNow: 0, later: 5, nextDueAt: new Date("2026-03-03T01:00:00Z") });
    expect(notDialingReason(input({ clinics: [deferred] }), evening)?.kind).toBe("outsideCallingWindow");
    // a clinic in another zone that is inside its window is dialing
    expect(notDialingReason(input({ clinics: [clinic(), clinic({ timeZone: "America/New_York" })] }), new Date("2026-03-02T22:00:00Z"))).toBeNull();
  });

  it("says when the next task is due while tasks wait for a redial inside the window", () => {
    const next = new Date(noon.getTime() + 30 * 60_000);
    expect(notDialingReason(input({ clinics: [clinic({ dueNow: 0, later: 3, nextDueAt: next })] }), noon)).toEqual({ kind: "notDueYet", nextDueAt: next });
  });

  it("agrees with the dialer: no reason exactly when the claim has capacity and decide would allow a due task", () => {
    fc.assert(
      fc.property(
        fc.nat(12),
        fc.nat(6),
        fc.nat(8),
        fc.date({ min: new Date("2026-01-01Z"), max: new Date("2027-01-01Z"), noInvalidDate: true }),
        (companyActive, scriptActive, recentDials, now) => {
          const load = { companyActive, scriptActive, recentDials, recentOldestAt: recentDials > 0 ? new Date(now.getTime() - 1000) : null };
          const reason = notDialingReason(input({ load }), now);
          const ctx = {
            timeZone: sh,
            category: "service" as const,
            limits,
            seats: { companyActive, scriptActive },
            recentDials: { count: recentDials, oldestAt: load.recentOldestAt },
            history: [],
            dnc: { ok: true as const, entries: [] },
          };
          const dialerWould = freeCapacity(limits, load) > 0 && decide({ id: "t", scriptId: "s", mobile: "13800000000" }, ctx, now).kind === "allow";
          expect(reason === null).toBe(dialerWould);
        },
      ),
    );
  });
});
