import { describe, expect, it } from "vitest";
import { vendorTemplateProblem } from "./vendor-template-check";

const ours = "【{诊所简称}】{患者姓名}您好，明天{时间}到店。拒收请回复R";

describe("vendorTemplateProblem", () => {
  it("accepts an approved template with as many parameters as our placeholders", () => {
    expect(vendorTemplateProblem(ours, { approved: true, status: "approved", paramCount: 3 })).toBeNull();
  });
  it("names a missing, an unapproved and a mismatched template", () => {
    expect(vendorTemplateProblem(ours, null)).toEqual({ kind: "notFound" });
    expect(vendorTemplateProblem(ours, { approved: false, status: "reviewing", paramCount: 3 })).toEqual({ kind: "notApproved", status: "reviewing" });
    expect(vendorTemplateProblem(ours, { approved: true, status: "approved", paramCount: 2 })).toEqual({ kind: "paramCount", ours: 3, vendor: 2 });
  });
});
