import { describe, expect, it } from "vitest";
import { bearerToken, decodeCursor, encodeCursor, parseApiKey, problem, problemLocale, rateWindowStart } from "./problem";

describe("open API helpers", () => {
  it("builds problem details in the requested language with both messages", () => {
    const p = problem("notFound", { "zh-CN": "患者不存在", en: "Patient not found" }, "en");
    expect(p).toEqual({ type: "/api/v1/problems#notFound", title: "Not Found", status: 404, detail: "Patient not found", code: "notFound", messages: { "zh-CN": "患者不存在", en: "Patient not found" } });
    expect(problemLocale("en-US,en;q=0.9")).toBe("en");
    expect(problemLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(problemLocale(null)).toBe("zh-CN");
  });
  it("parses keys and bearer tokens", () => {
    const key = `zwk_abcdef123456_${"A".repeat(32)}`;
    expect(parseApiKey(key)).toEqual({ prefix: "abcdef123456" });
    expect(parseApiKey("zwk_short_x")).toBeNull();
    expect(bearerToken(`Bearer ${key}`)).toBe(key);
    expect(bearerToken("Basic abc")).toBeNull();
  });
  it("round-trips cursors and refuses forged ones", () => {
    const c = encodeCursor("2026-12-07T01:02:03.456Z", "call_1");
    expect(decodeCursor(c)).toEqual({ updatedAt: "2026-12-07T01:02:03.456Z", id: "call_1" });
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(decodeCursor(encodeCursor("yesterday", "x"))).toBeNull();
  });
  it("puts instants into minute windows", () => {
    expect(rateWindowStart(Date.UTC(2026, 0, 1, 10, 5, 59, 999))).toBe(Date.UTC(2026, 0, 1, 10, 5));
  });
});
