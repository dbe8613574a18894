import { describe, expect, it } from "vitest";
import { normalizeScriptName, scriptNameCounter, scriptNameProblem, SCRIPT_NAME_MAX } from "./script-name";

describe("话术名称", () => {
  it("is required", () => {
    expect(scriptNameProblem("")).toBe("请输入话术名称");
    expect(scriptNameProblem("   ")).toBe("请输入话术名称");
  });

  it("allows at most 30 characters, counted as characters", () => {
    expect(scriptNameProblem("预".repeat(SCRIPT_NAME_MAX))).toBeNull();
    expect(scriptNameProblem("预".repeat(SCRIPT_NAME_MAX + 1))).toBe("话术名称最多 30 个字");
    expect(scriptNameProblem("😀".repeat(SCRIPT_NAME_MAX))).toBeNull();
  });

  it("ignores surrounding and repeated whitespace", () => {
    expect(normalizeScriptName("  明天  到店 提醒 ")).toBe("明天 到店 提醒");
    expect(scriptNameProblem(` ${"预".repeat(SCRIPT_NAME_MAX)} `)).toBeNull();
  });

  it("counts a longer name in full and refuses it, rather than cutting it to 30", () => {
    expect(scriptNameCounter("一".repeat(31))).toEqual({ length: 31, max: 30, tooLong: true });
    expect(scriptNameCounter(" 短名 ")).toEqual({ length: 2, max: 30, tooLong: false });
  });
});
