import { describe, expect, it } from "vitest";
import { isMainlandMobile, maskMobile, normalizeMobile } from "./mobile";

describe("mainland mobile numbers", () => {
  it.each(["13812345678", "19912345678", "+86 138 1234 5678", "86-13812345678"])("accepts %s", (m) => {
    expect(isMainlandMobile(m)).toBe(true);
  });
  it.each(["12812345678", "1381234567", "138123456789", "0211234567", "abc", ""])("rejects %s", (m) => {
    expect(isMainlandMobile(m)).toBe(false);
  });
  it("normalizes country code and separators", () => {
    expect(normalizeMobile("+86 138-1234-5678")).toBe("13812345678");
  });
  it("masks the middle four digits", () => {
    expect(maskMobile("13812345678")).toBe("138****5678");
    expect(maskMobile(null)).toBe("");
  });
});
