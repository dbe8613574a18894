import { describe, expect, it } from "vitest";
import { callTaskReasonLabel } from "../call-tasks/reasons";
import { decideRefusal } from "./refusal-decision";
import { CCC_ERRORS, DOC, SMS_ERRORS, UNKNOWN_CODE_HOLD_AFTER, VENDOR_REFUSAL_CAP, dispositionOf, slowDownDelayMs, vendorReasonCode } from "./vendor-errors";

const now = new Date("2026-12-07T02:00:00Z");
const ccc = (code: string, taskRefusals = 0, unknownStreak = 0) => decideRefusal({ vendor: { api: "ccc", code }, reason: "unavailable" }, { taskRefusals, unknownStreak, now });

describe("the documented error table", () => {
  it("cites a documentation page for every row and accountHold rows say what to do", () => {
    for (const [code, row] of [...Object.entries(CCC_ERRORS), ...Object.entries(SMS_ERRORS)]) {
      expect(Object.values(DOC), code).toContain(row.doc);
      if (row.disposition === "accountHold") expect(row.fixZh, code).toBeTruthy();
      if (row.disposition === "patientNotNow" && CCC_ERRORS[code] === row) expect(row.retryAfterMin, code).not.toBeUndefined();
    }
  });

  it("puts the codes the issue names in the buckets it asks for", () => {
    const expected: Record<string, string> = {
      "FailedOperation.CalleeIsBlackUser": "patientNotNow",
      "FailedOperation.CallerOverFrequency": "slowDown",
      "FailedOperation.CalloutRuleBlindArea": "patientNotNow",
      "FailedOperation.CalloutRuleMaxCallCountCalleeIntervalTime": "patientNotNow",
      "FailedOperation.CalloutRuleMaxCallCountCalleePerDayAppID": "patientNotNow",
      "FailedOperation.CalloutRuleNotWorkTime": "patientNotNow",
      "FailedOperation.NoCallOutNumber": "accountHold",
      "FailedOperation.PermissionDenied": "accountHold",
      "LimitExceeded.BasePackageExpired": "accountHold",
      "InvalidParameterValue.InstanceNotExist": "accountHold",
      "FailedOperation.AIConcurrentNoPackage": "accountHold",
      "FailedOperation.AIConcurrentOverFrequency": "slowDown",
      "InvalidParameter.InvalidPhoneNumber": "badNumber",
      "InvalidParameterValue": "ourBug",
      "InternalError": "outcomeUnknown",
    };
    for (const [code, d] of Object.entries(expected)) expect(dispositionOf("ccc", code, 0), code).toBe(d);
    expect(dispositionOf("sms", "UnauthorizedOperation.SerivceSuspendDueToArrears", 0)).toBe("accountHold");
    expect(dispositionOf("sms", "InternalError.RequestTimeException", 0)).toBe("accountHold");
    expect(dispositionOf("sms", "FailedOperation.InsufficientBalanceInSmsPackage", 0)).toBe("accountHold");
  });

  it("the codes the old fake invented are not in the table", () => {
    for (const code of ["InvalidParameterValue.InvalidCallee", "FailedOperation.InsufficientBalance", "UnauthorizedOperation.Arrears", "LimitExceeded.AIConcurrencyExceeded"])
      expect(CCC_ERRORS[code], code).toBeUndefined();
  });

  it("an unknown code is retried only until the streak holds the account", () => {
    expect(dispositionOf("ccc", "FailedOperation.SomethingNew", 0)).toBe("slowDown");
    expect(dispositionOf("ccc", "FailedOperation.SomethingNew", UNKNOWN_CODE_HOLD_AFTER - 2)).toBe("slowDown");
    expect(dispositionOf("ccc", "FailedOperation.SomethingNew", UNKNOWN_CODE_HOLD_AFTER - 1)).toBe("accountHold");
    expect(dispositionOf("ccc", "FailedOperation", UNKNOWN_CODE_HOLD_AFTER - 1)).toBe("accountHold");
  });

  it("backs off with a growing, capped delay", () => {
    expect([1, 2, 3, 4].map(slowDownDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(slowDownDelayMs(50)).toBe(30 * 60_000);
  });
});

describe("decideRefusal", () => {
  it("holds the account for an account-level code, without counting the task", () => {
    expect(ccc("LimitExceeded.BasePackageExpired")).toMatchObject({ kind: "hold", holdCode: "vendor:ccc:LimitExceeded.BasePackageExpired" });
  });

  it("intercepts a patient the vendor blacklisted, and waits a day after the per-day rule", () => {
    expect(ccc("FailedOperation.CalleeIsBlackUser")).toMatchObject({ kind: "intercept", reason: "vendor:ccc:FailedOperation.CalleeIsBlackUser" });
    const perDay = ccc("FailedOperation.CalloutRuleMaxCallCountCalleePerDayAppID");
    expect(perDay).toMatchObject({ kind: "retry", at: new Date(now.getTime() + 24 * 3600_000) });
    expect(ccc("FailedOperation.CalloutRuleMaxCallCountCalleePerDayAppID", VENDOR_REFUSAL_CAP - 1)).toMatchObject({ kind: "intercept" });
  });

  it("slows down, then gives up at the cap — never a retry without bound", () => {
    expect(ccc("RequestLimitExceeded", 0)).toMatchObject({ kind: "retry", at: new Date(now.getTime() + 60_000) });
    expect(ccc("RequestLimitExceeded", 2)).toMatchObject({ kind: "retry", at: new Date(now.getTime() + 240_000) });
    expect(ccc("RequestLimitExceeded", VENDOR_REFUSAL_CAP - 1)).toMatchObject({ kind: "fail", alert: true });
  });

  it("fails the task with the code shown for our own bug, and for a bad number", () => {
    expect(ccc("MissingParameter")).toMatchObject({ kind: "fail", reason: "vendor:ccc:MissingParameter", alert: true });
    expect(ccc("InvalidParameter.IllegalPhoneNumber")).toMatchObject({ kind: "fail", alert: false });
  });

  it("keeps the simulator's coarse reasons working", () => {
    const sim = (reason: "rateLimited" | "invalidNumber" | "insufficientBalance" | "unavailable") => decideRefusal({ reason }, { taskRefusals: 0, unknownStreak: 0, now });
    expect(sim("rateLimited")).toMatchObject({ kind: "retry", reason: "carrierRejected" });
    expect(sim("invalidNumber")).toMatchObject({ kind: "fail", reason: "invalidMobile" });
    expect(sim("insufficientBalance")).toMatchObject({ kind: "hold", holdCode: "carrier:insufficientBalance" });
  });

  it("shows a vendor reason in words with its code", () => {
    expect(callTaskReasonLabel(vendorReasonCode("ccc", "FailedOperation.CalleeIsBlackUser"))).toBe("腾讯云判定为高风险号码，请勿呼叫（FailedOperation.CalleeIsBlackUser）");
    expect(callTaskReasonLabel("vendor:ccc:Whatever.New", "en")).toBe("Vendor refused the call（Whatever.New）");
  });
});
