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

/**
 * The name input's counter: the input keeps everything typed or pasted (a longer name is refused with the counter in
 * red, never silently cut), and `tooLong` blocks saving.
 */
export function scriptNameCounter(raw: string): { length: number; max: number; tooLong: boolean } {
  const length = charCount(normalizeScriptName(raw));
  return { length, max: SCRIPT_NAME_MAX, tooLong: length > SCRIPT_NAME_MAX };
}
