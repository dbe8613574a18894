import { describe, expect, it } from "vitest";
import { safeFileNamePart } from "./file-name";

describe("safeFileNamePart", () => {
  it("replaces path separators and reserved characters, and trims", () => {
    expect(safeFileNamePart(" 王/五:?* ")).toBe("王_五___");
    expect(safeFileNamePart("活动通知")).toBe("活动通知");
  });
  it("drops bidi controls (U+202E would show 「张三\u202Egpj.exe」 as 张三exe.jpg)", () => {
    expect(safeFileNamePart("张三\u202Egpj.exe\u2066")).toBe("张三gpj.exe");
  });
});
