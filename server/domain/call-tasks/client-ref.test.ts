import { describe, expect, it } from "vitest";
import { clientRefOf, parseClientRef } from "./client-ref";

describe("client refs", () => {
  it("round-trip a task id and attempt, and refuse anything else", () => {
    expect(parseClientRef(clientRefOf("cabc123", 2))).toEqual({ taskId: "cabc123", attempt: 2 });
    expect(parseClientRef("cabc123")).toBeNull();
    expect(parseClientRef("cabc123:0")).toBeNull();
    expect(parseClientRef(":1")).toBeNull();
    expect(parseClientRef("cabc:1.5")).toBeNull();
  });
});
