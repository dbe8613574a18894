/** 话术名称: required, at most 30 characters (seed §3), unique within the company (checked by the service). */
export const SCRIPT_NAME_MAX = 30;

/** Characters as a person counts them (an emoji is one), not UTF-16 units. */
export const charCount = (s: string) => Array.from(s).length;

export function normalizeScriptName(raw: string): string {
  return raw.replace(/\s+/g, " ").trim();
}

/** null when acceptable, else the zh-CN message. */
export function scriptNameProblem(name: string): string | null {
  const n = normalizeScriptName(name);
  if (!n) return "请输入话术名称";
  if (charCount(n) > SCRIPT_NAME_MAX) return `话术名称最多 ${SCRIPT_NAME_MAX} 个字`;
  return null;
}

/** What the input shows when a pasted text is longer than allowed: the first 30 characters. */
export function clampScriptName(raw: string): string {
  return Array.from(raw).slice(0, SCRIPT_NAME_MAX).join("");
}
