/**
 * Issue 26 A/B variants of a script (docs/outcomes.md, "A/B variants"): at most three, each with a share of the traffic
 * in whole percent adding up to 100. A patient's variant is a pure function of the patient and script ids, so the same
 * patient hears the same variant in every batch and journey node of that script, and a re-run gives the same split.
 */
export const MAX_VARIANTS = 3;
export const VARIANT_KEYS = ["A", "B", "C"] as const;

export interface VariantShare {
  id: string;
  sharePercent: number;
}

/** 32-bit FNV-1a, then murmur3's finalizer: FNV alone leaves the low bits of similar ids (cuids) correlated. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The variant of a patient: a bucket 0–9999 from the patient and script ids, walked through the variants' shares in
 * key order. Null when the script has no variants. `keptVariantId` (the test was ended) wins over the split.
 */
export function assignVariant(
  patientId: string,
  scriptId: string,
  variants: readonly VariantShare[],
  keptVariantId: string | null = null,
): string | null {
  if (keptVariantId) return keptVariantId;
  if (variants.length === 0) return null;
  const bucket = stableHash(`${scriptId}:${patientId}`) % 10_000;
  let upTo = 0;
  for (const v of variants) {
    upTo += v.sharePercent * 100;
    if (bucket < upTo) return v.id;
  }
  return variants[variants.length - 1]!.id;
}

export type VariantProblem = "tooMany" | "sharesNot100" | "shareOutOfRange" | "nameMissing";

/** What is wrong with a set of variants (none is fine: the script has no test). */
export function variantProblems(variants: readonly { name: string; sharePercent: number }[]): VariantProblem[] {
  const problems: VariantProblem[] = [];
  if (variants.length === 0) return problems;
  if (variants.length > MAX_VARIANTS) problems.push("tooMany");
  if (variants.some((v) => !Number.isInteger(v.sharePercent) || v.sharePercent < 0 || v.sharePercent > 100)) problems.push("shareOutOfRange");
  if (variants.reduce((s, v) => s + v.sharePercent, 0) !== 100) problems.push("sharesNot100");
  if (variants.some((v) => v.name.trim() === "")) problems.push("nameMissing");
  return problems;
}
