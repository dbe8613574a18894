import { describe, expect, it } from "vitest";
import { rosterExportFileName, rosterStatus } from "./roster";

describe("rosterStatus", () => {
  it("tells a first wait from a redial wait, and answered from not connected", () => {
    expect(rosterStatus({ status: "pending", attempt: 0, lastOutcome: null })).toBe("waiting");
    expect(rosterStatus({ status: "pending", attempt: 1, lastOutcome: "busy" })).toBe("redialWaiting");
    expect(rosterStatus({ status: "dialing", attempt: 1, lastOutcome: null })).toBe("calling");
    expect(rosterStatus({ status: "inCall", attempt: 1, lastOutcome: null })).toBe("calling");
    expect(rosterStatus({ status: "ended", attempt: 1, lastOutcome: "answered" })).toBe("answered");
    expect(rosterStatus({ status: "ended", attempt: 2, lastOutcome: "noAnswer" })).toBe("notConnected");
    expect(rosterStatus({ status: "intercepted", attempt: 0, lastOutcome: null })).toBe("intercepted");
    expect(rosterStatus({ status: "cancelled", attempt: 0, lastOutcome: null })).toBe("cancelled");
    expect(rosterStatus({ status: "failed", attempt: 0, lastOutcome: null })).toBe("failed");
  });
});

describe("rosterExportFileName", () => {
  it("follows the seed's example in the company's zone", () => {
    expect(rosterExportFileName("活动通知", new Date("2022-03-12T04:12:59Z"), "Asia/Shanghai")).toBe("活动通知客户名单2022_03_12_12_12.xlsx");
  });

  it("keeps the script name safe as a file name", () => {
    expect(rosterExportFileName("a/b", new Date("2022-03-12T04:12:00Z"), "Asia/Shanghai")).toBe("a_b客户名单2022_03_12_12_12.xlsx");
  });
});
