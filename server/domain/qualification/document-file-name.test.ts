import { describe, expect, it } from "vitest";
import { documentFileName } from "./document-file-name";

const jpg = { mimeType: "image/jpeg", ext: "jpg" } as const;
const pdf = { mimeType: "application/pdf", ext: "pdf" } as const;

describe("documentFileName", () => {
  it("keeps the uploader's name and uses the extension of the real content", () => {
    expect(documentFileName("营业执照扫描件.pdf", pdf, "businessLicense")).toBe("营业执照扫描件.pdf");
    expect(documentFileName("photo.PNG", jpg, "legalIdFront")).toBe("photo.jpg");
    expect(documentFileName("scan", pdf, "networkSecurityPledge")).toBe("scan.pdf");
  });

  it("drops paths, quotes and control characters, and falls back to the document's label", () => {
    expect(documentFileName("C:\\Users\\me\\id-back.jpg", jpg, "legalIdBack")).toBe("id-back.jpg");
    expect(documentFileName('../../a"b\r\n.jpg', jpg, "legalIdBack")).toBe("ab.jpg");
    expect(documentFileName(".pdf", pdf, "businessLicense")).toBe("营业执照.pdf");
    expect(documentFileName("", jpg, "legalIdFront")).toBe("法人身份证正面.jpg");
  });

  it("caps very long names", () => {
    expect(documentFileName(`${"长".repeat(300)}.pdf`, pdf, "businessLicense")).toBe(`${"长".repeat(100)}.pdf`);
  });
});
