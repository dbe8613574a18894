import { describe, expect, it } from "vitest";
import { safeFileNamePart } from "./file-name";

describe("safeFileNamePart", () => {
  it("replaces path separators and reserved characters, and trims", () => {
    expect(safeFileNamePart(" 王/五:?* ")).toBe("王_五___");
    expect(safeFileNamePart("活动通知")).toBe("活动通知");
  });
});
