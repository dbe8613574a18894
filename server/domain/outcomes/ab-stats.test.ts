import { describe, expect, it } from "vitest";
import { abVerdict, holmAdjust, pairwiseTests, twoProportionZTest, wilsonInterval } from "./ab-stats";

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

describe("holmAdjust (Holm 1979; R's p.adjust(p, \"holm\"): sorted p(i) → max over j ≤ i of min(1, (m − j + 1)·p(j)))", () => {
  it("matches hand-computed values, in the input's order", () => {
    // p = (0.01, 0.04, 0.03), m = 3. Sorted 0.01, 0.03, 0.04 → 3·0.01 = 0.03; max(0.03, 2·0.03 = 0.06) = 0.06;
    // max(0.06, 1·0.04) = 0.06. Back in input order: (0.03, 0.06, 0.06).
    const adjusted = holmAdjust([0.01, 0.04, 0.03]);
    [0.03, 0.06, 0.06].forEach((v, i) => expect(adjusted[i]).toBeCloseTo(v, 12));
    // m = 2: sorted 0.011, 0.02 → 2·0.011 = 0.022; max(0.022, 0.02) = 0.022 (the step-down keeps it monotone).
    const two = holmAdjust([0.02, 0.011]);
    [0.022, 0.022].forEach((v, i) => expect(two[i]).toBeCloseTo(v, 12));
    // Capped at 1; one p-value is left as it is.
    expect(holmAdjust([0.6, 0.7])).toEqual([1, 1]);
    expect(holmAdjust([0.04])).toEqual([0.04]);
  });
});

describe("pairwiseTests and abVerdict with three arms", () => {
  // Expected z and p computed independently (Python 3: pooled z, p = math.erfc(|z|/√2)), Holm by hand as above.
  it("A 56/70, B 48/80, C 30/80: every pair differs after Holm; A books more than both", () => {
    const arms = [{ id: "A", trials: 70, successes: 56 }, { id: "B", trials: 80, successes: 48 }, { id: "C", trials: 80, successes: 30 }];
    const pairs = pairwiseTests(arms);
    expect(pairs.map((x) => `${x.aId}${x.bId}`)).toEqual(["AB", "AC", "BC"]);
    // Raw p: AB 0.0080451, AC 1.51799e-7, BC 0.0044142. Sorted AC, BC, AB → 3·1.51799e-7 = 4.55398e-7;
    // 2·0.0044142 = 0.0088283; max(0.0088283, 0.0080451) = 0.0088283.
    expect(pairs[0]!.z!).toBeCloseTo(2.65017, 4);
    expect(pairs[0]!.p!).toBeCloseTo(0.0080451, 6);
    expect(pairs[1]!.z!).toBeCloseTo(5.25036, 4);
    expect(pairs[2]!.p!).toBeCloseTo(0.0044142, 6);
    expect(pairs[0]!.adjustedP).toBeCloseTo(0.0088283, 6);
    expect(pairs[1]!.adjustedP).toBeCloseTo(4.55398e-7, 10);
    expect(pairs[2]!.adjustedP).toBeCloseTo(0.0088283, 6);
    expect(pairs.map((x) => x.betterId)).toEqual(["A", "A", "B"]);
    const v = abVerdict(arms);
    expect(v).toMatchObject({ kind: "significant", betterId: "A" });
    if (v.kind === "significant") expect(v.p).toBeCloseTo(0.0088283, 6);
  });

  it("A 30/200, B 22/200, C 17/200: the extreme pair's p = 0.0435 is not significant once corrected (0.1306)", () => {
    const arms = [{ id: "A", trials: 200, successes: 30 }, { id: "B", trials: 200, successes: 22 }, { id: "C", trials: 200, successes: 17 }];
    const pairs = pairwiseTests(arms);
    // Raw p: AB 0.234281, AC 0.0435352, BC 0.399352. Sorted AC, AB, BC → 0.130606; max(0.130606, 0.468563) = 0.468563;
    // max(0.468563, 0.399352) = 0.468563.
    expect(pairs[1]!.p!).toBeCloseTo(0.0435352, 6);
    expect(pairs[1]!.adjustedP).toBeCloseTo(0.130606, 5);
    expect(pairs[0]!.adjustedP).toBeCloseTo(0.468563, 5);
    expect(pairs[2]!.adjustedP).toBeCloseTo(0.468563, 5);
    expect(pairs.every((x) => !x.significant && x.betterId === null)).toBe(true);
    const v = abVerdict(arms);
    expect(v.kind).toBe("notSignificant");
    if (v.kind === "notSignificant") expect(v.p).toBeCloseTo(0.130606, 5);
  });

  it("A 60/200, B 45/200, C 30/200: A beats C, but no arm beats both others yet — no winner", () => {
    const arms = [{ id: "A", trials: 200, successes: 60 }, { id: "B", trials: 200, successes: 45 }, { id: "C", trials: 200, successes: 30 }];
    // Raw p: AB 0.0882741, AC 0.000328016, BC 0.0546639 → adjusted AC 0.000984049, BC 0.109328, AB 0.109328.
    const v = abVerdict(arms);
    expect(v.kind).toBe("someDiffer");
    const ac = v.pairs.find((x) => x.aId === "A" && x.bId === "C")!;
    expect(ac).toMatchObject({ significant: true, betterId: "A" });
    expect(ac.adjustedP).toBeCloseTo(0.000984049, 8);
    expect(v.pairs.filter((x) => x.significant)).toHaveLength(1);
    expect(v.pairs.find((x) => x.aId === "A" && x.bId === "B")!.adjustedP).toBeCloseTo(0.109328, 5);
  });

  it("leaves out arms without trials and needs two to compare", () => {
    const v = abVerdict([{ id: "A", trials: 70, successes: 56 }, { id: "B", trials: 0, successes: 0 }, { id: "C", trials: 80, successes: 48 }]);
    expect(v.pairs.map((x) => `${x.aId}${x.bId}`)).toEqual(["AC"]);
    expect(v).toMatchObject({ kind: "significant", betterId: "A" }); // one pair: no correction, p = 0.008045
    expect(abVerdict([{ id: "A", trials: 5, successes: 0 }, { id: "B", trials: 5, successes: 0 }])).toMatchObject({ kind: "tooFew" });
  });
});
