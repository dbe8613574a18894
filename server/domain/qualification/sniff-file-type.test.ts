import { describe, expect, it } from "vitest";
import { checkDocumentFile, MAX_DOCUMENT_BYTES, sniffDocumentType } from "./sniff-file-type";

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => new TextEncoder().encode(s);

describe("sniffDocumentType", () => {
  it("recognises JPG, PNG and PDF by their magic numbers", () => {
    expect(sniffDocumentType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toEqual({ mimeType: "image/jpeg", ext: "jpg" });
    expect(sniffDocumentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toEqual({ mimeType: "image/png", ext: "png" });
    expect(sniffDocumentType(ascii("%PDF-1.7\n"))).toEqual({ mimeType: "application/pdf", ext: "pdf" });
  });

  it("refuses text, other formats and truncated signatures", () => {
    expect(sniffDocumentType(ascii("This is not really a PDF"))).toBeNull();
    expect(sniffDocumentType(ascii("GIF89a"))).toBeNull();
    expect(sniffDocumentType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull(); // zip / docx
    expect(sniffDocumentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a))).toBeNull(); // 7 of 8 PNG bytes
    expect(sniffDocumentType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffDocumentType(ascii("%PDF"))).toBeNull();
    expect(sniffDocumentType(ascii(" %PDF-1.4"))).toBeNull(); // must be at the very start
    expect(sniffDocumentType(new Uint8Array())).toBeNull();
  });
});

describe("checkDocumentFile", () => {
  it("accepts a real file up to exactly 10 MB", () => {
    const file = new Uint8Array(MAX_DOCUMENT_BYTES);
    file.set(ascii("%PDF-1.4"));
    expect(checkDocumentFile(file)).toEqual({ ok: true, type: { mimeType: "application/pdf", ext: "pdf" } });
  });

  it("refuses one byte over 10 MB, empty files and unknown content", () => {
    const file = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    file.set([0xff, 0xd8, 0xff]);
    expect(checkDocumentFile(file)).toEqual({ ok: false, reason: "tooLarge" });
    expect(checkDocumentFile(new Uint8Array())).toEqual({ ok: false, reason: "empty" });
    expect(checkDocumentFile(ascii("hello.pdf"))).toEqual({ ok: false, reason: "unsupportedType" });
  });
});
