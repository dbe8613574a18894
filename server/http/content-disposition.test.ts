import { describe, expect, it } from "vitest";
import { contentDisposition } from "./content-disposition";

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the UTF-8 name per RFC 5987", () => {
    expect(contentDisposition("attachment", "营业执照.pdf")).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf`,
    );
    expect(contentDisposition("inline", "id front.jpg")).toBe(`inline; filename="id front.jpg"; filename*=UTF-8''id%20front.jpg`);
  });

  it("escapes characters that would break the header", () => {
    const header = contentDisposition("inline", `a"b\\c'(d)*.png`);
    expect(header).toBe(`inline; filename="a_b_c'(d)*.png"; filename*=UTF-8''a%22b%5Cc%27%28d%29%2A.png`);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe(`a"b\\c'(d)*.png`);
  });

  it("drops bidi controls, so a name cannot display reversed (issue 23)", () => {
    const header = contentDisposition("attachment", "张三\u202Egpj.exe");
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe("张三gpj.exe");
    expect(header).not.toMatch(/%E2%80%AE/);
  });
});
