import { describe, expect, it } from "vitest";
import { receiptOf } from "./sms-mapping";

const NOW = new Date("2026-12-07T00:00:00Z");

describe("receiptOf (Tencent 短信下发状态回调)", () => {
  it("reads a documented receipt", () => {
    expect(receiptOf({ sid: "2019:123", report_status: "FAIL", errmsg: "DELIVRD", description: "用户手机号码停机", user_receive_time: "2026-12-07 10:00:00" }, NOW)).toEqual({
      providerMessageId: "2019:123",
      delivered: false,
      at: new Date("2026-12-07T02:00:00Z"),
      code: "DELIVRD",
      description: "用户手机号码停机",
    });
  });
  it("skips items that are not receipts — a non-string sid, null, a number — instead of failing the request", () => {
    for (const item of [{ sid: { $gt: "" }, report_status: "SUCCESS" }, { sid: 12, report_status: "FAIL" }, null, 7, "x", { sid: "a", report_status: "MAYBE" }]) {
      expect(receiptOf(item, NOW)).toBeNull();
    }
    expect(receiptOf({ sid: "a", report_status: "SUCCESS", errmsg: 5, description: ["x"] }, NOW)).toMatchObject({ code: "", description: "" });
  });
});
