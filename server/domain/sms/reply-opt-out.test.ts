import { describe, expect, it } from "vitest";
import { isOptOutReply } from "./reply-opt-out";

describe("isOptOutReply", () => {
  it.each(["TD", "td", " T ", "退订", "R", "ＴＤ", "退订。", "请不要再发短信了", "拒收"])("%s is an opt-out", (s) => expect(isOptOutReply(s)).toBe(true));
  it.each(["好的", "周六上午可以吗", "谢谢", "", "TDK", "明天到店"])("%s is not", (s) => expect(isOptOutReply(s)).toBe(false));
});
