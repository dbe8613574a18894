import { describe, expect, it } from "vitest";
import { abVerdict, twoProportionZTest, wilsonInterval } from "./ab-stats";

describe("wilsonInterval", () => {
  // Newcombe RG, "Two-sided confidence intervals for the single proportion: comparison of seven methods",
  // Statistics in Medicine 17 (1998) 857–872, Table I, method 3 (score interval without continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i/%i → %f–%f", (x, n, low, high) => {
    const ci = wilsonInterval(x, n)!;
    expect(ci.low).toBeCloseTo(low, 4);
    expect(ci.high).toBeCloseTo(high, 4);
  });

  it("has no interval without trials, and bounds exactly 0 and 1 at the ends", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(0, 13)!.low).toBe(0);
    expect(wilsonInterval(13, 13)!.high).toBe(1);
  });
});

describe("twoProportionZTest", () => {
  it("matches the Physicians' Health Study aspirin table: X² = 25.01 (Agresti, An Introduction to Categorical Data Analysis, 2nd ed., §2.4)", () => {
    // placebo: 189 heart attacks of 11 034; aspirin: 104 of 11 037. z² is Pearson's X² of the 2×2 table.
    const t = twoProportionZTest(189, 11034, 104, 11037)!;
    expect(t.z * t.z).toBeCloseTo(25.01, 2);
    expect(t.p).toBeLessThan(1e-6);
    expect(t.p).toBeCloseTo(5.69e-7, 8);
  });

  it("matches 56/70 vs 48/80 computed independently (Python 3, math.erfc on the pooled z): X² = 7.0234, p = 0.008045", () => {
    const t = twoProportionZTest(56, 70, 48, 80)!;
    expect(t.z * t.z).toBeCloseTo(7.0234, 3);
    expect(t.p).toBeCloseTo(0.008045, 5);
  });

  it("is symmetric and needs two non-empty arms", () => {
    expect(twoProportionZTest(48, 80, 56, 70)!.p).toBeCloseTo(twoProportionZTest(56, 70, 48, 80)!.p, 10);
    expect(twoProportionZTest(1, 0, 1, 10)).toBeNull();
    expect(twoProportionZTest(0, 10, 0, 10)).toBeNull();
  });
});

describe("abVerdict", () => {
  it("never calls a difference before p < 0.05", () => {
    expect(abVerdict([{ id: "a", trials: 200, successes: 30 }, { id: "b", trials: 200, successes: 25 }]).kind).toBe("notSignificant");
    expect(abVerdict([{ id: "a", trials: 70, successes: 56 }, { id: "b", trials: 80, successes: 48 }])).toMatchObject({ kind: "significant", betterId: "a" });
    expect(abVerdict([{ id: "a", trials: 80, successes: 48 }, { id: "b", trials: 70, successes: 56 }])).toMatchObject({ kind: "significant", betterId: "b" });
    expect(abVerdict([{ id: "a", trials: 70, successes: 56 }, { id: "b", trials: 0, successes: 0 }]).kind).toBe("tooFew");
  });
});
