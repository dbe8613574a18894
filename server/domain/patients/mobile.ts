/** Mainland China mobile numbers: 11 digits starting with 13–19. */
const MOBILE_RE = /^1[3-9]\d{9}$/;

export function normalizeMobile(input: string): string {
  return input.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, "");
}

export function isMainlandMobile(input: string): boolean {
  return MOBILE_RE.test(normalizeMobile(input));
}

/** 138****5678 */
export function maskMobile(mobile: string | null | undefined): string {
  if (!mobile) return "";
  const m = normalizeMobile(mobile);
  if (m.length !== 11) return m.replace(/.(?=.{4})/g, "*");
  return `${m.slice(0, 3)}****${m.slice(7)}`;
}
