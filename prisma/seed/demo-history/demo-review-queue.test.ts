import { describe, expect, it } from "vitest";
import { checkDocumentFile } from "../../../server/domain/qualification/sniff-file-type";
import { qualificationFiles } from "./demo-review-queue";

const hex = (s: string) => Array.from(s, (ch) => ch.charCodeAt(0).toString(16).padStart(4, "0")).join("");

describe("the demo's 资质材料", () => {
  const files = qualificationFiles("皓齿口腔连锁", "91440101MA5D0DEMO1");

  it("are the four kinds, each a file the upload check accepts", () => {
    expect(files.map((f) => f.kind)).toEqual(["businessLicense", "legalIdFront", "legalIdBack", "networkSecurityPledge"]);
    for (const f of files) expect(checkDocumentFile(f.bytes).ok).toBe(true);
  });

  it("write the business licence in Chinese, in a CJK font, not in English", () => {
    const pdf = Buffer.from(files[0].bytes).toString("latin1");
    expect(pdf).toContain(`<${hex("营业执照")}>`);
    expect(pdf).toContain(`<${hex("名称：皓齿口腔连锁有限公司")}>`);
    expect(pdf).toContain("/BaseFont /STSong-Light");
    expect(pdf).not.toMatch(/Business licence|Helvetica/);
  });
});
