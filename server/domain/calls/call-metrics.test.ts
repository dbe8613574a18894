import { describe, expect, it } from "vitest";
import { callMetrics, isEffectiveDialogue, ZERO_COUNTS } from "./call-metrics";

describe("callMetrics", () => {
  it("computes the rates over dialed calls and the mean talk time over answered calls", () => {
    const m = callMetrics({
      ...ZERO_COUNTS,
      pendingTasks: 5,
      interceptedTasks: 2,
      failedTasks: 1,
      failedCalls: 3,
      dialedCalls: 30,
      answeredCalls: 12,
      answeredPatients: 11,
      effectiveCalls: 7,
      effectivePatients: 7,
      answeredSeconds: 12 * 41 + 5,
    });
    // 失败通话数 counts calls that failed (呼叫失败); tasks never dispatched are 下发失败, apart.
    expect(m.execution).toEqual({ pending: 5, intercepted: 2, dialed: 30, failed: 3, dispatchFailed: 1 });
    expect(m.calls).toEqual({ answeredPatients: 11, answerRate: 40, effectivePatients: 7, effectiveRate: 23.3, avgDurationSec: 41 });
  });

  it("shows no rate (rather than 0% or NaN) before anything was dialed", () => {
    expect(callMetrics(ZERO_COUNTS).calls).toEqual({
      answeredPatients: 0,
      answerRate: null,
      effectivePatients: 0,
      effectiveRate: null,
      avgDurationSec: null,
    });
  });
});

describe("isEffectiveDialogue", () => {
  it("counts answered calls of two rounds or more (对话达2轮以上: 以上 includes 2)", () => {
    expect(isEffectiveDialogue({ answered: true, rounds: 1 })).toBe(false);
    expect(isEffectiveDialogue({ answered: true, rounds: 2 })).toBe(true);
    expect(isEffectiveDialogue({ answered: true, rounds: 3 })).toBe(true);
    expect(isEffectiveDialogue({ answered: false, rounds: 4 })).toBe(false);
  });
});
