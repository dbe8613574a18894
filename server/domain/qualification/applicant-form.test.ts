import { describe, expect, it } from "vitest";
import { applicantForm } from "./applicant-form";

const valid = { applicantName: "张伟", applicantMobile: "13912340001", companyName: "皓齿口腔连锁", termsAccepted: true };

function errors(input: unknown) {
  const res = applicantForm.safeParse(input);
  return res.success ? {} : res.error.flatten().fieldErrors;
}

describe("applicantForm", () => {
  it("accepts a complete form and normalises the mobile", () => {
    expect(applicantForm.parse({ ...valid, applicantMobile: "+86 139-1234-0001", applicantName: " 张伟 " })).toEqual({
      ...valid,
      applicantMobile: "13912340001",
    });
  });

  it("validates mainland mobiles", () => {
    for (const bad of ["", "1391234000", "139123400011", "12912340001", "23912340001", "abc"]) {
      expect(errors({ ...valid, applicantMobile: bad }).applicantMobile?.[0]).toMatch(/手机号/);
    }
    for (const good of ["13012345678", "19912345678", "8613912340001"]) {
      expect(errors({ ...valid, applicantMobile: good })).toEqual({});
    }
  });

  it("requires a name, a company name and agreement to the terms", () => {
    expect(errors({ ...valid, applicantName: "  " }).applicantName).toEqual(["请输入姓名"]);
    expect(errors({ ...valid, companyName: "" }).companyName).toEqual(["请输入企业名称"]);
    expect(errors({ ...valid, companyName: "企".repeat(51) }).companyName).toEqual(["企业名称最多 50 个字"]);
    expect(errors({ ...valid, termsAccepted: false }).termsAccepted).toEqual(["请阅读并同意《智能外呼服务条款》"]);
  });
});
