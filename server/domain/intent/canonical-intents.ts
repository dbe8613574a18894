import type { IntentCategory } from "@/server/domain/templates/dialogue";
import { INTENT, type IntentKey } from "@/server/domain/templates/intents";

/**
 * What the classifier decides: the product's intent vocabulary (server/domain/templates/intents.ts) plus two finer
 * notions. Each template names its own categories (key + label), so a canonical intent is resolved onto the
 * template's categories by key first and then by label (有意向, 拒绝来电 …), falling back to the nearest one it has.
 */
export type CanonicalIntent = IntentKey | "optOut" | "busyLater";

const CANONICAL = new Set<string>([...Object.keys(INTENT), "optOut", "busyLater"]);

/** When a template lacks a category, the nearest ones it may have, in order. */
const FALLBACK: Record<CanonicalIntent, CanonicalIntent[]> = {
  interested: ["interested", "confirmed", "satisfied", "recovering", "somewhatInterested"],
  somewhatInterested: ["somewhatInterested", "undecided", "interested", "confirmed"],
  notInterested: ["notInterested", "cancelled", "refused"],
  refused: ["refused", "notInterested", "cancelled"],
  optOut: ["optOut", "refused", "notInterested", "cancelled"],
  // "Busy, call later" is the template author's 暂不确定 / 比较有意向 (blueprint laterIntent), not a change of appointment.
  busyLater: ["busyLater", "undecided", "somewhatInterested", "needsCallback"],
  // 爽约改约 has no 确认到店: a patient booking again there is changing the appointment.
  confirmed: ["confirmed", "interested", "reschedule"],
  reschedule: ["reschedule", "busyLater", "undecided", "somewhatInterested"],
  cancelled: ["cancelled", "notInterested", "refused"],
  undecided: ["undecided", "somewhatInterested"],
  satisfied: ["satisfied", "recovering", "interested"],
  dissatisfied: ["dissatisfied", "needsCallback", "discomfort", "notInterested"],
  needsCallback: ["needsCallback", "busyLater", "undecided"],
  recovering: ["recovering", "satisfied"],
  discomfort: ["discomfort", "needsCallback", "dissatisfied"],
  notLocal: ["notLocal", "reschedule", "busyLater", "notInterested"],
  noAnswer: ["noAnswer", "unreachable"],
  unreachable: ["unreachable", "noAnswer"],
};

/** Label rules for templates with their own keys, most specific first (不满意 before 满意, 没意向 before 有意向). */
const LABEL_RULES: [RegExp, CanonicalIntent][] = [
  [/免打扰|勿扰|不要再|别再|黑名单|退订|禁呼/, "optOut"],
  [/拒绝|拒接|挂断/, "refused"],
  [/没意向|无意向|没有意向|不感兴趣|没兴趣|无需求|没需求/, "notInterested"],
  [/比较有意向|较有意向|一般意向|意向一般|待跟进|考虑/, "somewhatInterested"],
  [/不满意|投诉|差评/, "dissatisfied"],
  [/不适|疼|痛|肿/, "discomfort"],
  [/改约|改期|改时间/, "reschedule"],
  [/取消/, "cancelled"],
  [/不确定|未确定|待定/, "undecided"],
  [/回电|人工|回访/, "needsCallback"],
  [/恢复/, "recovering"],
  [/满意/, "satisfied"],
  [/确认|会到|准时/, "confirmed"],
  [/有意向|意向强|意向较强|感兴趣|同意/, "interested"],
  [/未接|无应答|无人接听/, "noAnswer"],
  [/无法接通|停机|空号|关机|不在服务区/, "unreachable"],
  [/在忙|忙碌|改天|再联系|稍后/, "busyLater"],
  [/不在当地|外地|不在本地/, "notLocal"],
];

export function isCanonicalIntent(key: string): key is CanonicalIntent {
  return CANONICAL.has(key);
}

/** A category's meaning: the canonical intent a clinic mapped it onto, its key when that is canonical, else its label. */
export function canonicalOf(category: IntentCategory): CanonicalIntent | null {
  if (category.canonical && CANONICAL.has(category.canonical)) return category.canonical as CanonicalIntent;
  if (CANONICAL.has(category.key)) return category.key as CanonicalIntent;
  for (const [re, canonical] of LABEL_RULES) if (re.test(category.label)) return canonical;
  return null;
}

/** The template category for a canonical intent, or null when the template has nothing near it. */
export function resolveIntent(canonical: CanonicalIntent, categories: readonly IntentCategory[]): IntentCategory | null {
  for (const wanted of FALLBACK[canonical]) {
    const hit = categories.find((c) => canonicalOf(c) === wanted);
    if (hit) return hit;
  }
  return null;
}

const POSITIVE = new Set<CanonicalIntent>(["interested", "confirmed", "satisfied", "recovering"]);
const WEAK_POSITIVE = new Set<CanonicalIntent>(["somewhatInterested", "undecided"]);
const NEGATIVE = new Set<CanonicalIntent>(["notInterested", "refused", "cancelled", "dissatisfied"]);

/** Rough direction of a category, e.g. for a simulated patient choosing a reply. */
export function leaningOfIntent(canonical: CanonicalIntent | null): "positive" | "weakPositive" | "negative" | "optOut" | null {
  if (!canonical) return null;
  if (canonical === "optOut") return "optOut";
  if (POSITIVE.has(canonical)) return "positive";
  if (WEAK_POSITIVE.has(canonical)) return "weakPositive";
  return NEGATIVE.has(canonical) ? "negative" : null;
}
