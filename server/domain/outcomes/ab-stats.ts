/**
 * The statistics of an A/B test's booking rate (docs/outcomes.md, "A/B variants"): a 95 % Wilson score interval per
 * variant and a two-sided two-proportion z-test (pooled, no continuity correction — R's
 * `prop.test(x, n, correct = FALSE)`, whose X-squared is z²). Pure.
 */
export const Z_95 = 1.959963984540054;
export const SIGNIFICANCE = 0.05;

export interface Interval {
  low: number;
  high: number;
}

/** Wilson score interval for x successes of n (Newcombe 1998, method 3); null for n = 0. */
export function wilsonInterval(x: number, n: number, z = Z_95): Interval | null {
  if (n <= 0) return null;
  const p = x / n;
  const z2 = z * z;
  const d = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / d;
  // At 0 or n the bound is exactly 0 or 1; the subtraction would leave rounding dust.
  return { low: x <= 0 ? 0 : Math.max(0, centre - half), high: x >= n ? 1 : Math.min(1, centre + half) };
}

/** erfc with a fractional error below 1.2e-7 everywhere (Numerical Recipes, 2nd ed., §6.2 `erfcc`). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

export interface ZTest {
  z: number;
  /** two-sided */
  p: number;
}

/** Pooled two-proportion z-test of x1/n1 against x2/n2; null when either arm is empty or nothing (or everything) happened. */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): ZTest | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return null;
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, p: erfc(Math.abs(z) / Math.SQRT2) };
}

export interface Arm {
  id: string;
  /** answered calls: the booking rate's denominator */
  trials: number;
  /** appointments attributed to the arm's calls */
  successes: number;
}

export type AbVerdict =
  | { kind: "tooFew" }
  | { kind: "notSignificant"; p: number }
  | { kind: "significant"; p: number; betterId: string };

/**
 * Compares the best and the worst booking rate of a test's arms. A difference is called only when p < 0.05; with three
 * arms this is the extreme pair, so the p-value is optimistic (no multiple-comparison correction; said in the docs).
 */
export function abVerdict(arms: readonly Arm[]): AbVerdict {
  const live = arms.filter((a) => a.trials > 0);
  if (live.length < 2) return { kind: "tooFew" };
  const rate = (a: Arm) => a.successes / a.trials;
  const sorted = [...live].sort((a, b) => rate(b) - rate(a));
  const best = sorted[0]!;
  const worst = sorted[sorted.length - 1]!;
  const test = twoProportionZTest(best.successes, best.trials, worst.successes, worst.trials);
  if (!test) return { kind: "tooFew" };
  return test.p < SIGNIFICANCE ? { kind: "significant", p: test.p, betterId: best.id } : { kind: "notSignificant", p: test.p };
}
