import { describe, expect, it } from "vitest";
import { formatDuration, formatInZone } from "./format-time";

describe("formatInZone", () => {
  it("formats in the given zone whatever the process zone", () => {
    expect(formatInZone(new Date("2024-03-12T16:05:09Z"), "Asia/Shanghai")).toBe("2024-03-13 00:05:09");
    expect(formatInZone("2024-03-12T16:05:09Z", "Asia/Shanghai", "minute")).toBe("2024-03-13 00:05");
    expect(formatInZone(null, "Asia/Shanghai")).toBe("—");
  });
});

describe("formatDuration", () => {
  it("uses seconds below a minute and minutes with padded seconds above", () => {
    const zh = { min: "分", sec: "秒" };
    expect(formatDuration(45, zh)).toBe("45秒");
    expect(formatDuration(65, zh)).toBe("1分05秒");
  });
});
