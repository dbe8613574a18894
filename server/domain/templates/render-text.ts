import { callVariable, isCallVariable } from "./call-variables";

const PLACEHOLDER = /\{([^{}\s]{1,40})\}/g;
const OPTIONAL_SEGMENT = /\[([^[\]]*)\]/g;

const present = (values: Readonly<Record<string, string | undefined>>, key: string) => {
  const v = values[key];
  return v !== undefined && v.trim() !== "";
};

/**
 * Substitutes template parameters into blueprint text.
 * - `{key}` with a value → the value; a call variable without a value stays `{key}` for the call; anything else → "".
 * - `[…]` is an optional segment: dropped when a parameter inside it has no value, kept (without brackets) otherwise.
 *   So "[，本次项目为{project}]" disappears when 咨询项目 is left empty.
 */
export function renderTemplateText(text: string, values: Readonly<Record<string, string | undefined>>): string {
  const withSegments = text.replace(OPTIONAL_SEGMENT, (_whole, inner: string) => {
    const keys = [...inner.matchAll(PLACEHOLDER)].map((m) => m[1]!);
    const missing = keys.some((k) => !present(values, k) && !isCallVariable(k));
    return missing ? "" : inner;
  });
  const filled = withSegments.replace(PLACEHOLDER, (whole, key: string) => {
    if (present(values, key)) return values[key]!.trim();
    return isCallVariable(key) ? whole : "";
  });
  return tidyPunctuation(filled);
}

/** Removes the doubled or dangling punctuation an empty value can leave behind ("，，" → "，", "，。" → "。"). */
export function tidyPunctuation(text: string): string {
  return text
    .replace(/[，、]+(?=[，。！？、])/g, "")
    .replace(/^[，。、\s]+/, "")
    .replace(/\s{2,}/g, " ")
    .trim();
}

/** Parameter keys a text refers to (call variables excluded). */
export function paramKeysIn(text: string): string[] {
  const keys = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) if (!isCallVariable(m[1]!)) keys.add(m[1]!);
  return [...keys];
}

/** Blueprint text for people: placeholders as 【参数名】, optional-segment brackets dropped. */
export function templateTextForDisplay(text: string, params: readonly { key: string; label: string }[]): string {
  const label = (key: string) => params.find((p) => p.key === key)?.label ?? callVariable(key)?.label ?? key;
  return text.replace(/[[\]]/g, "").replace(PLACEHOLDER, (_w, key: string) => `【${label(key)}】`);
}
