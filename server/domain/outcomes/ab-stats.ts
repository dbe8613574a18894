/**
 * The statistics of an A/B test's booking rate (docs/outcomes.md, "A/B variants"): a 95 % Wilson score interval per
 * variant and, for every pair of variants, a two-sided two-proportion z-test (pooled, no continuity correction — R's
 * `prop.test(x, n, correct = FALSE)`, whose X-squared is z²) with Holm–Bonferroni's correction across the pairs. Pure.
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

/** One pair of arms: its two-proportion test, the Holm-adjusted p and whether the difference is called. */
export interface PairTest {
  aId: string;
  bId: string;
  /** null when the pair cannot be tested (nothing or everything happened in both arms) */
  z: number | null;
  p: number | null;
  /** Holm–Bonferroni over all the test's pairs; an untestable pair counts as p = 1 */
  adjustedP: number;
  significant: boolean;
  /** the arm with the higher booking rate, only when significant */
  betterId: string | null;
}

/**
 * Holm's step-down adjustment (Holm S., "A simple sequentially rejective multiple test procedure", Scandinavian Journal
 * of Statistics 6 (1979) 65–70; R's `p.adjust(p, "holm")`): sort the m p-values ascending, p(i) becomes
 * max over j ≤ i of min(1, (m − j + 1) · p(j)); returned in the input's order. Rejecting where the adjusted p < α
 * keeps the family-wise error rate at α.
 */
export function holmAdjust(ps: readonly number[]): number[] {
  const m = ps.length;
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}

/** Every pair of arms with trials (in the arms' order), tested and Holm-adjusted together. */
export function pairwiseTests(arms: readonly Arm[]): PairTest[] {
  const live = arms.filter((a) => a.trials > 0);
  const pairs: { a: Arm; b: Arm; test: ZTest | null }[] = [];
  for (let i = 0; i < live.length; i++)
    for (let j = i + 1; j < live.length; j++) {
      const a = live[i]!;
      const b = live[j]!;
      pairs.push({ a, b, test: twoProportionZTest(a.successes, a.trials, b.successes, b.trials) });
    }
  const adjusted = holmAdjust(pairs.map((x) => x.test?.p ?? 1));
  return pairs.map(({ a, b, test }, k) => {
    const significant = test !== null && adjusted[k]! < SIGNIFICANCE;
    return {
      aId: a.id,
      bId: b.id,
      z: test?.z ?? null,
      p: test?.p ?? null,
      adjustedP: adjusted[k]!,
      significant,
      betterId: significant ? (test!.z > 0 ? a.id : b.id) : null,
    };
  });
}

export type AbVerdict = (
  | { kind: "tooFew" }
  | { kind: "notSignificant"; p: number }
  | { kind: "someDiffer"; p: number }
  | { kind: "significant"; p: number; betterId: string }
) & { pairs: PairTest[] };

/**
 * Tests every pair of the arms (two arms: one test; three: three, Holm-adjusted) and says: 「significant」 with the
 * better arm only when one arm books significantly more than each of the others (p = the largest adjusted p of its
 * pairs); 「someDiffer」 when some pairs differ but no arm beats all the others yet; 「notSignificant」 (p = the smallest
 * adjusted p) when no pair differs; 「tooFew」 without two arms that can be compared. Never a winner before it is.
 */
export function abVerdict(arms: readonly Arm[]): AbVerdict {
  const pairs = pairwiseTests(arms);
  if (pairs.length === 0 || pairs.every((x) => x.p === null)) return { kind: "tooFew", pairs };
  const ids = [...new Set(pairs.flatMap((x) => [x.aId, x.bId]))];
  for (const id of ids) {
    const own = pairs.filter((x) => x.aId === id || x.bId === id);
    if (own.every((x) => x.significant && x.betterId === id)) return { kind: "significant", p: Math.max(...own.map((x) => x.adjustedP)), betterId: id, pairs };
  }
  const smallest = Math.min(...pairs.map((x) => x.adjustedP));
  return pairs.some((x) => x.significant) ? { kind: "someDiffer", p: smallest, pairs } : { kind: "notSignificant", p: smallest, pairs };
}
