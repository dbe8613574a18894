import { describe, expect, it } from "vitest";
import { assignFollowUp, deadlinePolicyOf, DEFAULT_DEADLINES, followUpDueAt, followUpReasons } from "./follow-up-rules";

const TZ = "Asia/Shanghai";
const base = { reached: "patient", complaint: false, callbackRequested: false, canonical: null, proposedTime: null, transferUnanswered: false };

describe("followUpReasons", () => {
  it("files a complaint once (not also as a call-back), plus discomfort and a proposed time", () => {
    expect(followUpReasons({ ...base, complaint: true, callbackRequested: true })).toEqual(["complaint"]);
    expect(followUpReasons({ ...base, callbackRequested: true, canonical: "discomfort", proposedTime: "周六上午" })).toEqual(["callback", "discomfort", "appointment"]);
    expect(followUpReasons(base)).toEqual([]);
  });
  it("files a transfer nobody answered as 转人工未接通, once (not also as the call-back), below a complaint", () => {
    expect(followUpReasons({ ...base, transferUnanswered: true })).toEqual(["transferUnanswered"]);
    expect(followUpReasons({ ...base, transferUnanswered: true, callbackRequested: true, proposedTime: "明天下午" })).toEqual(["transferUnanswered", "appointment"]);
    expect(followUpReasons({ ...base, transferUnanswered: true, complaint: true, callbackRequested: true })).toEqual(["complaint"]);
    expect(followUpReasons({ ...base, transferUnanswered: true, reached: "voicemail" })).toEqual([]);
  });
  it("asks nothing of a machine or a wrong number", () => {
    expect(followUpReasons({ ...base, reached: "voicemail", callbackRequested: true })).toEqual([]);
    expect(followUpReasons({ ...base, reached: "relative", callbackRequested: true })).toEqual(["callback"]);
  });
});

describe("assignFollowUp", () => {
  const people = { consultantId: "c", onlineConsultantId: "o", frontDeskIds: ["f1", "f2"] };
  it("gives marketing to the 网电咨询师 and service to the 咨询师", () => {
    expect(assignFollowUp({ ...people, category: "marketing" })).toEqual({ executorId: "o", rule: "onlineConsultant" });
    expect(assignFollowUp({ ...people, category: "service" })).toEqual({ executorId: "c", rule: "consultant" });
  });
  it("falls back to the other consultant, then the first front desk, then nobody", () => {
    expect(assignFollowUp({ ...people, onlineConsultantId: null, category: "marketing" }).executorId).toBe("c");
    expect(assignFollowUp({ ...people, consultantId: null, category: "service" }).executorId).toBe("o");
    expect(assignFollowUp({ consultantId: null, onlineConsultantId: null, frontDeskIds: ["f1", "f2"], category: "service" })).toEqual({ executorId: "f1", rule: "frontDesk" });
    expect(assignFollowUp({ consultantId: null, onlineConsultantId: null, frontDeskIds: [], category: "marketing" })).toEqual({ executorId: null, rule: "unassigned" });
  });
});

describe("followUpDueAt (Asia/Shanghai, tests run in UTC)", () => {
  it("gives a complaint two hours, even on a Sunday night", () => {
    const at = new Date("2026-12-06T14:30:00Z");
    expect(followUpDueAt("complaint", at, TZ).toISOString()).toBe("2026-12-06T16:30:00.000Z");
  });
  it("is due the same day by 18:00 Shanghai for a call-back before 18:00 on a working day", () => {
    // Monday 09:00 UTC = 17:00 Shanghai → 18:00 Shanghai = 10:00 UTC the same day.
    expect(followUpDueAt("callback", new Date("2026-12-07T09:00:00Z"), TZ).toISOString()).toBe("2026-12-07T10:00:00.000Z");
    // A transfer nobody answered has the call-back's deadline; 有不适 at the same moment waits for the next working day.
    expect(followUpDueAt("transferUnanswered", new Date("2026-12-07T09:00:00Z"), TZ).toISOString()).toBe("2026-12-07T10:00:00.000Z");
    expect(followUpDueAt("discomfort", new Date("2026-12-07T09:00:00Z"), TZ).toISOString()).toBe("2026-12-08T10:00:00.000Z");
  });
  it("moves a call-back after 18:00 Shanghai to the next working day, even when it is still the same UTC day", () => {
    // Friday 11:00 UTC = Friday 19:00 Shanghai → Monday 18:00 Shanghai.
    expect(followUpDueAt("callback", new Date("2026-12-11T11:00:00Z"), TZ).toISOString()).toBe("2026-12-14T10:00:00.000Z");
    // Saturday → Monday.
    expect(followUpDueAt("callback", new Date("2026-12-12T02:00:00Z"), TZ).toISOString()).toBe("2026-12-14T10:00:00.000Z");
  });
  it("gives others until the next working day 18:00: a Friday call is due Monday", () => {
    expect(followUpDueAt("discomfort", new Date("2026-12-11T02:00:00Z"), TZ).toISOString()).toBe("2026-12-14T10:00:00.000Z");
    // Sunday 23:30 UTC is already Monday 07:30 in Shanghai: due Tuesday.
    expect(followUpDueAt("appointment", new Date("2026-12-06T23:30:00Z"), TZ).toISOString()).toBe("2026-12-08T10:00:00.000Z");
  });
});

describe("a clinic's own deadlines (deadlinePolicyOf)", () => {
  it("uses the clinic's hours where set and the defaults elsewhere", () => {
    const policy = deadlinePolicyOf({ followUpComplaintHours: 4, followUpCallbackByHour: 12, followUpOthersByHour: null });
    expect(policy).toEqual({ complaintHours: 4, callbackByHour: 12, othersByHour: 18 });
    expect(followUpDueAt("complaint", new Date("2026-12-06T14:30:00Z"), TZ, policy).toISOString()).toBe("2026-12-06T18:30:00.000Z");
    // Monday 09:00 Shanghai (01:00 UTC): by 12:00 Shanghai the same day; at 13:00 Shanghai: Tuesday 12:00.
    expect(followUpDueAt("callback", new Date("2026-12-07T01:00:00Z"), TZ, policy).toISOString()).toBe("2026-12-07T04:00:00.000Z");
    expect(followUpDueAt("callback", new Date("2026-12-07T05:00:00Z"), TZ, policy).toISOString()).toBe("2026-12-08T04:00:00.000Z");
    expect(followUpDueAt("discomfort", new Date("2026-12-11T02:00:00Z"), TZ, policy).toISOString()).toBe("2026-12-14T10:00:00.000Z");
    expect(deadlinePolicyOf({ followUpComplaintHours: null, followUpCallbackByHour: null, followUpOthersByHour: null })).toEqual(DEFAULT_DEADLINES);
  });
});
