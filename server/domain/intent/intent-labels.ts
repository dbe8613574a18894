import { z } from "zod";
import type { IntentCategory } from "@/server/domain/templates/dialogue";
import { MAX_INTENT_BRANCHES } from "@/server/domain/journey/intent-branches";
import { INTENT, OUTCOME_INTENT_KEYS } from "@/server/domain/templates/intents";
import { canonicalOf, isCanonicalIntent } from "./canonical-intents";

/**
 * A clinic's own 客户意向 labels for a script (issue 25): the template's categories may be renamed (the key stays, so
 * journeys' branches, filters and metrics keep working) and up to MAX_CUSTOM_INTENTS may be added — the seed's limit
 * of intent branches — each mapped onto a canonical intent so the classifier knows what it means. 未接 / 无法接通 are
 * the dial engine's and cannot be renamed away from their meaning; nothing can be deleted (calls carry the keys).
 */
export const MAX_CUSTOM_INTENTS = MAX_INTENT_BRANCHES;
export const CUSTOM_INTENT_PREFIX = "custom-";

/** The canonical meanings a clinic can map a label onto (the product vocabulary, 未接 / 无法接通 excluded). */
export const MAPPABLE_INTENTS = Object.values(INTENT).filter((i) => !(OUTCOME_INTENT_KEYS as readonly string[]).includes(i.key));

export const intentLabelsInput = z.object({
  labels: z
    .array(
      z.object({
        key: z.string().trim().min(1).max(40),
        label: z.string().trim().min(1, "意向名称不能为空").max(10, "意向名称最多 10 个字"),
        canonical: z.string().min(1).optional(),
      }),
    )
    .min(1)
    .max(40),
});
export type IntentLabelsInput = z.output<typeof intentLabelsInput>;

/** The script's categories with the clinic's labels applied, or the problems (zh-CN) that stop them being saved. */
export function applyIntentLabels(base: readonly IntentCategory[], labels: IntentLabelsInput["labels"]): { intents: IntentCategory[]; problems: string[] } {
  const problems: string[] = [];
  const byKey = new Map(labels.map((l) => [l.key, l]));
  const intents: IntentCategory[] = [];
  for (const b of base) {
    const own = byKey.get(b.key);
    if (!own) problems.push(`意向「${b.label}」不能删除（历史通话和旅程分支仍在使用）`);
    const label = own?.label ?? b.label;
    const canonical = canonicalOf(b);
    intents.push({ key: b.key, label, ...(canonical ? { canonical } : {}) });
  }
  const baseKeys = new Set(base.map((b) => b.key));
  const added = labels.filter((l) => !baseKeys.has(l.key));
  if (added.length > MAX_CUSTOM_INTENTS) problems.push(`自定义意向最多添加 ${MAX_CUSTOM_INTENTS} 个`);
  for (const a of added) {
    if (!a.key.startsWith(CUSTOM_INTENT_PREFIX)) problems.push(`意向「${a.label}」的标识无效`);
    if (!a.canonical || !isCanonicalIntent(a.canonical) || (OUTCOME_INTENT_KEYS as readonly string[]).includes(a.canonical))
      problems.push(`请为意向「${a.label}」选择对应的标准意向`);
    intents.push({ key: a.key, label: a.label, ...(a.canonical ? { canonical: a.canonical } : {}) });
  }
  const seen = new Set<string>();
  for (const i of intents) {
    if (seen.has(i.label)) problems.push(`意向名称「${i.label}」重复`);
    seen.add(i.label);
  }
  return { intents, problems };
}

/** The categories a script classifies over: the clinic's labels when it has saved some, else its dialogue's/template's. */
export function effectiveIntents(own: unknown, base: readonly IntentCategory[]): IntentCategory[] {
  const parsed = z.array(z.object({ key: z.string(), label: z.string(), canonical: z.string().optional() })).safeParse(own);
  if (!parsed.success || parsed.data.length === 0) return [...base];
  const known = new Map(parsed.data.map((i) => [i.key, i]));
  // Keys the base gained since (a template update) still show, with their own label.
  return [...parsed.data, ...base.filter((b) => !known.has(b.key))];
}
