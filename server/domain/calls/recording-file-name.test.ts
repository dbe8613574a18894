import { describe, expect, it } from "vitest";
import { recordingFileName } from "./recording-file-name";

describe("recordingFileName", () => {
  it("formats the start time in the clinic's zone, not the process zone", () => {
    expect(recordingFileName("张三", new Date("2024-03-12T00:05:09Z"), "Asia/Shanghai")).toBe("张三 2024-03-12 08_05_09外呼录音.mp3");
    expect(recordingFileName("张三", new Date("2024-03-11T23:59:59Z"), "Asia/Shanghai")).toBe("张三 2024-03-12 07_59_59外呼录音.mp3");
  });

  it("keeps the name safe for every file system", () => {
    expect(recordingFileName("李/四", new Date("2024-01-01T12:00:00Z"), "Asia/Shanghai")).toBe("李_四 2024-01-01 20_00_00外呼录音.mp3");
    expect(recordingFileName("  ", new Date("2024-01-01T12:00:00Z"), "Asia/Shanghai")).toBe("客户 2024-01-01 20_00_00外呼录音.mp3");
  });
});
