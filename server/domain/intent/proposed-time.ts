import { normalizeText } from "./normalize";

const DAY =
  "(今天|明天|后天|大后天|今晚|明晚|明早|这周[一二三四五六日天末]?|这个?(星期|礼拜)[一二三四五六日天]?|下下?(个)?(周|星期|礼拜)[一二三四五六日天末]?|(星期|礼拜|周)[一二三四五六日天末]|周末|月底|月初|月中|下个?月(初|底|中)?|[0-9一二三四五六七八九十]{1,3}(号|日)|过(两|几|一)天|节后|年后)";
const PART = "(上午|下午|中午|晚上|早上|傍晚|白天|一早|晚点)";
const CLOCK = "([0-9一二三四五六七八九十两]{1,3}(点|:[0-9]{2})(半|钟|[0-9一二三四五六七八九十]{1,2}分?)?)";
const TIME = new RegExp(`${DAY}?的?${PART}?${CLOCK}?`, "g");

/** Clauses that reject a time (「明天不行」) or only repeat the AI's (「明天两点对吧」) propose nothing. */
const NOT_PROPOSED = /不行|不了|没空|没时间|不方便|去不了|来不了|赶不过|不能|对吧|是吧|对不对|没法/;

/** Time expressions a patient used in one clause, as said (「周六上午」, 「下周三下午」). */
export function timesIn(text: string, normalized = false): string[] {
  const out: string[] = [];
  const t = normalized ? text : normalizeText(text);
  for (const m of t.matchAll(TIME)) if (m[0] && m[0] !== "的") out.push(m[0].replace(/^的|的$/g, ""));
  return out.filter((s) => s.length >= 2);
}

/** The time a clause proposes; `normalized` when the clause is already in normalizeText's spelling (a ClauseReading). */
export function proposesTime(clause: string, normalized = true): string | null {
  const t = normalized ? clause : normalizeText(clause);
  if (NOT_PROPOSED.test(t)) return null;
  return timesIn(t, true).at(-1) ?? null;
}
