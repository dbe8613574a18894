import { describe, expect, it } from "vitest";
import { resolveSegment } from "./resolve-segment";
import { segmentDefinition, type SegmentDefinitionInput } from "./segment-definition";

// 2026-11-24 17:30 UTC is already the 25th (01:30) in Shanghai.
const clock = { now: new Date("2026-11-24T17:30:00Z"), timeZone: "Asia/Shanghai" };
const resolve = (input: SegmentDefinitionInput) => resolveSegment(segmentDefinition.parse(input), clock).conditions[0];

describe("segment conditions relative to the clinic's local day", () => {
  it("puts 明天 on the clinic's tomorrow, not the server's", () => {
    expect(resolve({ conditions: [{ kind: "appointment", window: "tomorrow" }] })).toEqual({
      kind: "appointment",
      from: new Date("2026-11-25T16:00:00Z"),
      to: new Date("2026-11-26T16:00:00Z"),
      clinicIds: [],
    });
  });

  it("counts N 天内 including today", () => {
    expect(resolve({ conditions: [{ kind: "appointment", window: "withinDays", days: 3, clinicIds: ["c1"] }] })).toMatchObject({
      from: new Date("2026-11-24T16:00:00Z"),
      to: new Date("2026-11-27T16:00:00Z"),
      clinicIds: ["c1"],
    });
    expect(resolve({ conditions: [{ kind: "deductionWithin", days: 7 }] })).toEqual({
      kind: "deductionWithin",
      from: new Date("2026-11-18T16:00:00Z"),
      to: new Date("2026-11-25T16:00:00Z"),
    });
    expect(resolve({ conditions: [{ kind: "benefitExpiring", days: 30 }] })).toEqual({
      kind: "benefitExpiring",
      from: clock.now,
      to: new Date("2026-12-24T16:00:00Z"),
    });
  });

  it("reads 最近到访 as a local date or a number of days ago", () => {
    expect(resolve({ conditions: [{ kind: "lastVisitBefore", date: "2026-06-01" }] })).toEqual({
      kind: "lastVisitBefore",
      before: new Date("2026-05-31T16:00:00Z"),
    });
    expect(resolve({ conditions: [{ kind: "lastVisitBefore", daysAgo: 180 }] })).toEqual({
      kind: "lastVisitBefore",
      before: new Date("2026-05-28T16:00:00Z"),
    });
  });

  it("rejects incomplete conditions with zh-CN messages", () => {
    const bad = (c: unknown) => segmentDefinition.safeParse({ conditions: [c] }).error?.issues.map((i) => i.message);
    expect(bad({ kind: "appointment", window: "withinDays" })).toEqual(["请填写预约的天数范围"]);
    expect(bad({ kind: "lastVisitBefore" })).toEqual(["请选择最近到访的日期或天数（二选一）"]);
    expect(bad({ kind: "tags", tags: [] })).toEqual(["请至少选择一个标签"]);
    expect(bad({ kind: "deductionWithin", days: 0 })).toEqual(["天数至少为 1"]);
  });
});
