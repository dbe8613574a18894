/**
 * A call's 客户意向 is stored as the intent key of its script (or, from older data, the label itself). The labels come
 * from the script's dialogue (edited copy) or else its template; an unknown key shows as itself.
 */
export interface IntentOption {
  key: string;
  label: string;
}

export function intentOptions(...sources: unknown[]): IntentOption[] {
  const out: IntentOption[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    const list = Array.isArray(source) ? source : isObject(source) && Array.isArray(source.intents) ? source.intents : [];
    for (const item of list) {
      if (!isObject(item) || typeof item.key !== "string" || typeof item.label !== "string" || seen.has(item.key)) continue;
      seen.add(item.key);
      out.push({ key: item.key, label: item.label });
    }
  }
  return out;
}

export function intentLabel(intent: string | null | undefined, options: readonly IntentOption[]): string | null {
  if (!intent) return null;
  return options.find((o) => o.key === intent)?.label ?? intent;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
