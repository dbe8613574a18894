import { describe, expect, it } from "vitest";
import { isEditable, missingDocuments, missingDocumentsMessage, transition, type QualificationStatus } from "./application-rules";

const STATUSES: QualificationStatus[] = ["draft", "pending", "approved", "rejected"];

describe("qualification application transitions", () => {
  it("submits drafts and rejected applications only", () => {
    expect(transition("draft", "submit")).toEqual({ ok: true, to: "pending" });
    expect(transition("rejected", "submit")).toEqual({ ok: true, to: "pending" });
    expect(transition("pending", "submit")).toMatchObject({ ok: false, message: expect.stringContaining("审核中") });
    expect(transition("approved", "submit")).toMatchObject({ ok: false });
  });

  it("reviews pending applications only, so an approval cannot happen twice", () => {
    expect(transition("pending", "approve")).toEqual({ ok: true, to: "approved" });
    expect(transition("pending", "reject")).toEqual({ ok: true, to: "rejected" });
    for (const action of ["approve", "reject"] as const) {
      for (const status of STATUSES.filter((s) => s !== "pending")) {
        expect(transition(status, action)).toMatchObject({ ok: false, message: expect.any(String) });
      }
    }
    expect(transition("approved", "approve")).toMatchObject({ message: expect.stringContaining("不能重复审核") });
  });

  it("lets the company edit only drafts and rejected applications", () => {
    expect(STATUSES.filter(isEditable)).toEqual(["draft", "rejected"]);
  });
});

describe("missingDocuments", () => {
  it("lists what is missing in display order", () => {
    expect(missingDocuments(["legalIdBack", "businessLicense"])).toEqual(["legalIdFront", "networkSecurityPledge"]);
    expect(missingDocuments(["businessLicense", "legalIdFront", "legalIdBack", "networkSecurityPledge"])).toEqual([]);
    expect(missingDocumentsMessage(["legalIdFront", "networkSecurityPledge"])).toBe("请先上传【法人身份证正面】【入网安全承诺书】后再提交审核");
  });
});
