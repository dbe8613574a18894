import { describe, expect, it } from "vitest";
import { cdrToEvents, transferLegOf, type CccCdr } from "./ccc-events";

/** A CDR of an answered AI call (电话 CDR 数据推送 fields), with the 转人工 parts given per case. */
const cdr = (over: Partial<CccCdr>): CccCdr => ({
  SessionId: "s-1",
  Callee: "008613800000000",
  StartTimestamp: 1_700_000_000,
  RingTimestamp: 1_700_000_000,
  AcceptTimestamp: 1_700_000_005,
  EndedTimestamp: 1_700_000_060,
  EndStatus: 1,
  EndStatusString: "ok",
  HungUpSide: "user",
  ...over,
});
const leg = { Type: "staffSeat", SkillGroupId: 3001, SkillGroupName: "前台", Mail: "fd@example.com", RingTimestamp: 1_700_000_050, EndedTimestamp: 1_700_000_060 };

describe("transferLegOf (ServeParticipants' AcceptTimestamp; docs/carrier.md)", () => {
  it("a seat leg with AcceptTimestamp > 0 was answered", () => {
    expect(transferLegOf(cdr({ ServeParticipants: [{ ...leg, AcceptTimestamp: 1_700_000_052 }], SkillGroup: "前台", SeatUser: { Name: "小王" } }))).toEqual({ to: "前台 / 小王", answered: true });
  });
  it("legs that only rang (AcceptTimestamp 0 or absent) mean nobody answered", () => {
    expect(transferLegOf(cdr({ ServeParticipants: [{ ...leg, AcceptTimestamp: 0 }] }))).toEqual({ to: "前台 / fd@example.com", answered: false });
    expect(transferLegOf(cdr({ ServeParticipants: [{ ...leg }, { ...leg, Sequence: 1, Mail: "fd2@example.com" }] }))).toMatchObject({ answered: false });
  });
  it("a second seat that took the call after the first rang out: answered", () => {
    expect(transferLegOf(cdr({ ServeParticipants: [{ ...leg, Sequence: 0, AcceptTimestamp: 0 }, { ...leg, Sequence: 1, AcceptTimestamp: 1_700_000_055 }] }))).toMatchObject({ answered: true });
  });
  it("without legs: a SeatUser served the call (answered); a skill group alone says nothing (null); neither: no transfer", () => {
    expect(transferLegOf(cdr({ SkillGroup: "前台", SeatUser: { Name: "小王" } }))).toEqual({ to: "前台 / 小王", answered: true });
    expect(transferLegOf(cdr({ SkillGroupId: 3001 }))).toEqual({ to: "3001", answered: null });
    expect(transferLegOf(cdr({}))).toBeNull();
    expect(transferLegOf(cdr({ ServeParticipants: [] }))).toBeNull();
  });
  it("is carried on the attempt of an answered call only", () => {
    const [attempt] = cdrToEvents(cdr({ ServeParticipants: [{ ...leg, AcceptTimestamp: 0 }] }), { nowMs: 0 });
    expect(attempt).toMatchObject({ type: "attempt.completed", transferredTo: "前台 / fd@example.com", transferAnswered: false });
    const [missed] = cdrToEvents(cdr({ EndStatus: 202, EndStatusString: "notAnswer", AcceptTimestamp: 0, ServeParticipants: [{ ...leg }] }), { nowMs: 0 });
    expect(missed).not.toHaveProperty("transferAnswered");
  });
});
