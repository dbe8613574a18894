import { describe, expect, it } from "vitest";
import { isSmsTemplateEditable, smsReviewProblem, smsSegments } from "./sms-template";

describe("短信模板", () => {
  it("counts one SMS up to 70 characters, then 67-character parts", () => {
    expect(smsSegments("")).toBe(0);
    expect(smsSegments("字".repeat(70))).toBe(1);
    expect(smsSegments("字".repeat(71))).toBe(2);
    expect(smsSegments("字".repeat(134))).toBe(2);
    expect(smsSegments("字".repeat(135))).toBe(3);
  });

  it("edits pending or rejected templates only", () => {
    expect(isSmsTemplateEditable("pending")).toBe(true);
    expect(isSmsTemplateEditable("rejected")).toBe(true);
    expect(isSmsTemplateEditable("approved")).toBe(false);
  });

  it("reviews pending templates only, and a rejection needs its reason", () => {
    expect(smsReviewProblem("pending", { approve: true })).toBeNull();
    expect(smsReviewProblem("pending", { approve: false, reason: " " })).toBe("请填写驳回原因");
    expect(smsReviewProblem("pending", { approve: false, reason: "缺少退订方式" })).toBeNull();
    expect(smsReviewProblem("approved", { approve: true })).toBe("只能审核待审核状态的短信模板");
    expect(smsReviewProblem("rejected", { approve: false, reason: "x" })).toBe("只能审核待审核状态的短信模板");
  });
});
