import { describe, expect, it } from "vitest";
import { callingWindowWait } from "./calling-window";
import { evaluatePatients, firstDialMoment, type PatientPolicyInputs } from "./evaluate-patients";
import type { DncLookup, PastCall } from "./types";

const SH = "Asia/Shanghai";
const AT_0430 = new Date("2026-12-06T20:30:00Z"); // 2026-12-07 04:30 in Shanghai
const AT_0905 = new Date("2026-12-07T01:05:00Z"); // 2026-12-07 09:05 in Shanghai
const OPENING = new Date("2026-12-07T01:00:00Z"); // 2026-12-07 09:00 in Shanghai
const ON_1203 = new Date("2026-12-03T02:00:00Z"); // 12-03 10:00 in Shanghai

const patients = ["a", "b", "c", "d", "e", "f", "g", "h"].map((id, i) => ({ id, mobile: `1390000000${i}`, timeZone: SH }));
const pastCall = (taskId: string): PastCall => ({ taskId, scriptId: "s1", category: "service", dialedAt: ON_1203, answered: true, inProgress: false });
const inputs: PatientPolicyInputs = {
  scriptId: "s1",
  category: "service",
  limits: { seatLimit: 1000, seatsPerScript: 50, dialsPerMinuteScript: 60 },
  load: { companyActive: 0, scriptActive: 0, recentDials: 0 },
  // b and c had this script on 12-03 (the 15-day rule); d is on the platform's high-complaint list.
  history: new Map([
    ["13900000001", [pastCall("old-b")]],
    ["13900000002", [pastCall("old-c")]],
  ]),
  dnc: (mobile): DncLookup => ({ ok: true, entries: mobile === "13900000003" ? [{ kind: "highComplaint", mobile, pattern: null }] : [] }),
};

const blocks = (now: Date) =>
  Object.fromEntries(evaluatePatients(patients, inputs, now).map((v) => [v.patientId, v.decision.kind === "allow" ? v.admitted : `${v.decision.kind}:${v.decision.rule}`]));

describe("evaluatePatients (the batch estimate)", () => {
  it("judges each task at the moment it would be dialed: the next opening at night, now in the day", () => {
    expect(firstDialMoment(AT_0430, SH)).toEqual(OPENING);
    // The one start-time message: 「将于 今天 09:00 开始」 at 04:30, the same instant the rules are judged at.
    expect(callingWindowWait(AT_0430, SH)).toEqual({ startsAt: OPENING, dayOffset: 0, time: "09:00" });
    expect(firstDialMoment(AT_0905, SH)).toEqual(AT_0905);
    expect(new Set(evaluatePatients(patients, inputs, AT_0430).map((v) => v.at.getTime()))).toEqual(new Set([OPENING.getTime()]));
  });

  it("shows the same DNC and 15-day blocks at 04:30 as at 09:05 Shanghai", () => {
    const expected = { a: "now", b: "intercept:sameScriptWithin15Days", c: "intercept:sameScriptWithin15Days", d: "intercept:dncHighComplaint", e: "now", f: "now", g: "now", h: "now" };
    expect(blocks(AT_0905)).toEqual(expected);
    expect(blocks(AT_0430)).toEqual(expected);
  });

  it("at night neither counts today's busy seats nor a call in progress now against the morning's dials", () => {
    const busy: PatientPolicyInputs = {
      ...inputs,
      limits: { seatLimit: 2, seatsPerScript: 2, dialsPerMinuteScript: 60 },
      load: { companyActive: 2, scriptActive: 2, recentDials: 0 },
      history: new Map([["13900000000", [{ ...pastCall("other"), scriptId: "s2", dialedAt: new Date(AT_0430.getTime() - 60_000), answered: false, inProgress: true }]]]),
    };
    const night = evaluatePatients(patients.slice(0, 1).concat(patients.slice(4, 6)), busy, new Date("2026-12-07T12:30:00Z")); // 20:30: still night
    expect(night.map((v) => v.admitted)).toEqual(["now", "now", "queued"]);
    const late = evaluatePatients(patients.slice(0, 1), { ...busy, history: new Map([["13900000000", [{ ...pastCall("other"), scriptId: "s2", dialedAt: new Date(AT_0905.getTime() - 60_000), answered: false, inProgress: true }]]]) }, AT_0905);
    expect(late[0]!.decision).toMatchObject({ kind: "defer", rule: "numberInCall" });
  });
});
