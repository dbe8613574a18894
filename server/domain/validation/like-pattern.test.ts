import { describe, expect, it } from "vitest";
import { likeText } from "./like-pattern";

describe("likeText", () => {
  it("escapes LIKE's wildcards and its escape character, nothing else", () => {
    expect(likeText("_")).toBe("\\_");
    expect(likeText("100%")).toBe("100\\%");
    expect(likeText("a\\b")).toBe("a\\\\b");
    expect(likeText("张三 138")).toBe("张三 138");
  });
});
