import { describe, expect, it } from "vitest";
import { billedMinutes } from "./call-balance";

describe("billed minutes", () => {
  it("bills every started minute of an answered call, nothing for the others", () => {
    expect(billedMinutes(1, true)).toBe(1);
    expect(billedMinutes(60, true)).toBe(1);
    expect(billedMinutes(61, true)).toBe(2);
    expect(billedMinutes(0, true)).toBe(0);
    expect(billedMinutes(45, false)).toBe(0);
  });
});
