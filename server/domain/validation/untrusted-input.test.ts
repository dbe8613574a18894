import { describe, expect, it } from "vitest";
import { isPlainParam, MAX_INPUT_STRING, untrustedInputProblem } from "./untrusted-input";

describe("untrustedInputProblem", () => {
  it("rejects a NUL byte or another control character anywhere in the input, keys included", () => {
    expect(untrustedInputProblem({ id: "a\u0000b" })).toBe("输入包含不允许的控制字符");
    expect(untrustedInputProblem({ filter: { ids: ["ok", "x\u001b[31m"] } })).toBe("输入包含不允许的控制字符");
    expect(untrustedInputProblem({ ["k\u0000"]: 1 })).toBe("输入包含不允许的控制字符");
  });
  it("accepts ordinary text with tabs and line breaks, numbers, dates and nulls", () => {
    expect(untrustedInputProblem({ text: "第一行\r\n第二行\t缩进", n: 3, at: new Date(0), none: null, list: [true] })).toBeNull();
    expect(untrustedInputProblem(undefined)).toBeNull();
  });
  it("rejects over-long strings and absurd nesting", () => {
    expect(untrustedInputProblem({ q: "x".repeat(MAX_INPUT_STRING + 1) })).toBe("输入内容过长");
    let deep: unknown = "leaf";
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(untrustedInputProblem(deep)).toBe("输入嵌套层级过深");
  });
});

describe("isPlainParam", () => {
  it("takes a cuid or hash, refuses control characters, empty and over-long values", () => {
    expect(isPlainParam("cmabc123")).toBe(true);
    expect(isPlainParam("a\u0000b")).toBe(false);
    expect(isPlainParam("")).toBe(false);
    expect(isPlainParam("x".repeat(201))).toBe(false);
  });
});
