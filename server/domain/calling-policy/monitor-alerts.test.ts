import { describe, expect, it } from "vitest";
import { ALERT_THRESHOLDS, alertCause, alertSmsText, alertThresholds, monitorAlerts } from "./monitor-alerts";

const calm = { balance: 500, scripts: [], recent: { intercepted: 0, dialed: 0 } };

describe("monitorAlerts: what needs a person", () => {
  it("says nothing when calling goes well", () => {
    expect(monitorAlerts({ ...calm, scripts: [{ id: "s", name: "话术", lastCalls: 100, lastAnswered: 40 }], recent: { intercepted: 5, dialed: 50 } })).toEqual([]);
  });

  it("warns below the balance threshold and says when it is exhausted", () => {
    expect(monitorAlerts({ ...calm, balance: 99 })).toEqual([{ kind: "balanceLow", balance: 99, threshold: ALERT_THRESHOLDS.balanceMinutes }]);
    expect(monitorAlerts({ ...calm, balance: 100 })).toEqual([]);
    expect(monitorAlerts({ ...calm, balance: 0 })).toEqual([{ kind: "balanceExhausted" }]);
  });

  it("flags a script whose last 100 calls were answered below the threshold, never on fewer calls", () => {
    const low = { id: "s", name: "话术", lastCalls: 100, lastAnswered: 14 };
    expect(monitorAlerts({ ...calm, scripts: [low] })).toEqual([{ kind: "answerRateLow", scriptId: "s", scriptName: "话术", answered: 14, calls: 100, threshold: 0.15 }]);
    expect(monitorAlerts({ ...calm, scripts: [{ ...low, lastAnswered: 15 }] })).toEqual([]);
    expect(monitorAlerts({ ...calm, scripts: [{ ...low, lastCalls: 99, lastAnswered: 0 }] })).toEqual([]);
  });

  it("flags an interception share above the threshold once there are enough decisions", () => {
    expect(monitorAlerts({ ...calm, recent: { intercepted: 11, dialed: 9 } })).toEqual([{ kind: "interceptedShareHigh", intercepted: 11, decisions: 20, threshold: 0.5 }]);
    expect(monitorAlerts({ ...calm, recent: { intercepted: 10, dialed: 10 } })).toEqual([]);
    expect(monitorAlerts({ ...calm, recent: { intercepted: 10, dialed: 0 } })).toEqual([]);
  });
});

describe("the company's own thresholds, and what an alert is about", () => {
  it("reads the company's settings (whole percentages) as thresholds", () => {
    const own = alertThresholds({ alertBalanceMinutes: 500, alertAnswerRatePercent: 30, alertInterceptedPercent: 20 });
    expect(monitorAlerts({ ...calm, balance: 499 }, own)).toEqual([{ kind: "balanceLow", balance: 499, threshold: 500 }]);
    expect(monitorAlerts({ ...calm, scripts: [{ id: "s", name: "话术", lastCalls: 100, lastAnswered: 29 }] }, own)).toMatchObject([{ kind: "answerRateLow", threshold: 0.3 }]);
    expect(monitorAlerts({ ...calm, recent: { intercepted: 5, dialed: 15 } }, own)).toMatchObject([{ kind: "interceptedShareHigh", threshold: 0.2 }]);
  });

  it("alerts on a carrier hold", () => {
    expect(monitorAlerts({ ...calm, carrierHold: { code: "AccountArrears" } })).toEqual([{ kind: "carrierHeld", code: "AccountArrears" }]);
  });

  it("one cause per kind, per script for the answer rate", () => {
    expect(alertCause({ kind: "balanceLow", balance: 1, threshold: 2 })).toBe("balanceLow");
    expect(alertCause({ kind: "answerRateLow", scriptId: "a", scriptName: "", answered: 0, calls: 100, threshold: 0.1 })).toBe("answerRateLow:a");
    expect(alertSmsText({ kind: "balanceExhausted" }, "某口腔")).toContain("某口腔");
  });
});
