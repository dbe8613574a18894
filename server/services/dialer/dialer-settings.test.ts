import { describe, expect, it } from "vitest";
import { billedMinutes } from "./call-balance";
import { clientRefOf, parseClientRef } from "./dialer-settings";

describe("client refs", () => {
  it("round-trip a task id and attempt, and refuse anything else", () => {
    expect(parseClientRef(clientRefOf("cabc123", 2))).toEqual({ taskId: "cabc123", attempt: 2 });
    expect(parseClientRef("cabc123")).toBeNull();
    expect(parseClientRef("cabc123:0")).toBeNull();
    expect(parseClientRef(":1")).toBeNull();
    expect(parseClientRef("cabc:1.5")).toBeNull();
  });
});

describe("billed minutes", () => {
  it("bills every started minute of an answered call, nothing for the others", () => {
    expect(billedMinutes(1, true)).toBe(1);
    expect(billedMinutes(60, true)).toBe(1);
    expect(billedMinutes(61, true)).toBe(2);
    expect(billedMinutes(0, true)).toBe(0);
    expect(billedMinutes(45, false)).toBe(0);
  });
});
