import { describe, expect, it } from "vitest";
import { clampScriptName, normalizeScriptName, scriptNameProblem, SCRIPT_NAME_MAX } from "./script-name";

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

  it("clamps a pasted name to the first 30 characters, as the input does", () => {
    expect(clampScriptName("一".repeat(40))).toBe("一".repeat(30));
    expect(clampScriptName("短名")).toBe("短名");
  });
});
