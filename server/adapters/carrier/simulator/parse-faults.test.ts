import { describe, expect, it } from "vitest";
import { DEFAULT_FAULTS, parseFaults } from "./index";

describe("CARRIER_SIM_FAULTS", () => {
  it("defaults to realistic at-least-once behaviour, can be turned off or tuned", () => {
    expect(parseFaults(undefined)).toEqual(DEFAULT_FAULTS);
    expect(parseFaults("off")).toEqual({ duplicate: 0, reorder: 0, batch: 0, drop: 0 });
    expect(parseFaults("drop=0, duplicate=0.5")).toEqual({ ...DEFAULT_FAULTS, drop: 0, duplicate: 0.5 });
    expect(parseFaults("drop=7,bogus=1")).toEqual(DEFAULT_FAULTS);
  });
});
