import { zonedParts, zonedTimeToInstant } from "@/server/domain/time/local-day";

/** A proposed time read into the clinic's calendar: [start, end) instants, and how sure the reading is. */
export interface AppointmentSlot {
  start: Date;
  end: Date;
  /** "exact" = a clock time was said; "part" = a part of a day (上午 …); "day" = only the day (the clinic's hours). */
  precision: "exact" | "part" | "day";
}

const DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, 末: 6 };

/** Parts of a day as the clinic's hours (wall-clock hours, minutes as fractions). */
const PARTS: [RegExp, number, number][] = [
  [/上午|早上|一早|明早/, 9, 12],
  [/中午/, 11.5, 13.5],
  [/下午/, 14, 18],
  [/傍晚/, 17, 19],
  [/晚上|今晚|明晚|晚点/, 18, 20],
  [/白天/, 9, 18],
];
const DAY_HOURS: [number, number] = [9, 18];

/** 一 … 九十九 and arabic digits. */
export function readNumber(s: string): number | null {
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (!/^[零一二两三四五六七八九十]+$/.test(s)) return null;
  if (s === "十") return 10;
  const digit = (c: string | undefined) => (c === undefined ? undefined : DIGIT[c]);
  const i = s.indexOf("十");
  if (i < 0) return s.length === 1 ? (digit(s) ?? null) : null;
  const tens = i === 0 ? 1 : digit(s[0]);
  const ones = i === s.length - 1 ? 0 : digit(s[i + 1]);
  return tens === undefined || ones === undefined ? null : tens * 10 + ones;
}

interface Wall {
  year: number;
  month: number;
  day: number;
}
const addDays = (w: Wall, n: number): Wall => {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};
/** 1 = Monday … 7 = Sunday. */
const isoWeekday = (w: Wall) => ((new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 6) % 7) + 1;

/**
 * The day a phrase names, relative to `today` (the clinic's local date of the call). A bare weekday (周六) is the next
 * one on or after today — today only when the slot is still ahead, which the caller checks; 下周六 is the Saturday of
 * next (Monday-based) week; N号 is the next such date. Null when the phrase names no day we can place (月底, 节后 …).
 */
function dayOf(text: string, today: Wall): { day: Wall; weekdayOnly: boolean } | null {
  if (/大后天/.test(text)) return { day: addDays(today, 3), weekdayOnly: false };
  if (/后天/.test(text)) return { day: addDays(today, 2), weekdayOnly: false };
  if (/明天|明早|明晚/.test(text)) return { day: addDays(today, 1), weekdayOnly: false };
  if (/今天|今晚/.test(text)) return { day: today, weekdayOnly: false };
  const week = /(下下|下)?个?(这个?)?(?:周|星期|礼拜)([一二三四五六日天末])/.exec(text) ?? (/周末/.test(text) ? [null, undefined, undefined, "末"] : null);
  if (week) {
    const target = WEEKDAY[week[3] ?? ""];
    if (target === undefined) return null;
    const todayWd = isoWeekday(today);
    if (week[1]) {
      const weeksAhead = week[1] === "下下" ? 2 : 1;
      return { day: addDays(today, 7 * weeksAhead - (todayWd - 1) + (target - 1)), weekdayOnly: false };
    }
    return { day: addDays(today, (target - todayWd + 7) % 7), weekdayOnly: true };
  }
  const date = /(?:([0-9一二三四五六七八九十]{1,3})月)?([0-9一二三四五六七八九十]{1,3})(?:号|日)/.exec(text);
  if (date) {
    const d = readNumber(date[2] ?? "");
    const m = date[1] ? readNumber(date[1]) : null;
    if (!d || d > 31 || (m !== null && (m < 1 || m > 12))) return null;
    const before = (a: Wall, b: Wall) => Date.UTC(a.year, a.month - 1, a.day) < Date.UTC(b.year, b.month - 1, b.day);
    let candidate: Wall = { year: today.year, month: m ?? today.month, day: d };
    // A date already past is the next one: next year for 3月5号, next month for 5号.
    if (before(candidate, today)) candidate = m ? { ...candidate, year: today.year + 1 } : { ...candidate, month: today.month + 1 };
    if (candidate.month > 12) candidate = { year: candidate.year + 1, month: 1, day: candidate.day };
    return { day: candidate, weekdayOnly: false };
  }
  return null;
}

/** A clock time said (三点, 3:30, 两点半), turned into 24 h by the part of day (下午三点 → 15). */
function clockOf(text: string, partStart: number | null): number | null {
  const m = /([0-9一二三四五六七八九十两]{1,3})(?:点|:([0-9]{2}))(半)?/.exec(text);
  if (!m) return null;
  let h = readNumber(m[1] ?? "");
  if (h === null || h > 24) return null;
  const minutes = m[2] ? Number(m[2]) : m[3] ? 30 : 0;
  // Afternoon and evening words, or a clinic-hours reading of a bare 1–7 (「三点」 at a clinic means 15:00).
  if (h < 12 && ((partStart !== null && partStart >= 12) || (partStart === null && h >= 1 && h <= 7))) h += 12;
  return h + minutes / 60;
}

const at = (day: Wall, hours: number, timeZone: string) =>
  zonedTimeToInstant({ ...day, hour: Math.floor(hours), minute: Math.round((hours % 1) * 60) }, timeZone);

/**
 * The slot a patient's words propose, in the clinic's time zone: 「周六上午」 → the coming Saturday 09:00–12:00,
 * 「明天下午三点」 → tomorrow 15:00–16:00, 「下周二」 → next week's Tuesday in the clinic's hours (09:00–18:00). Null when the
 * words place no day (「月底」, 「过两天」): the front desk reads them and picks the time themselves.
 */
export function parseAppointmentSlot(said: string, now: Date, timeZone: string): AppointmentSlot | null {
  const text = said.replace(/\s+/g, "");
  const p = zonedParts(now, timeZone);
  const today: Wall = { year: p.year, month: p.month, day: p.day };
  const found = dayOf(text, today);
  if (!found) return null;
  const part = PARTS.find(([re]) => re.test(text));
  const clock = clockOf(text, part ? part[1] : null);
  let [from, to] = part ? [part[1], part[2]] : DAY_HOURS;
  let precision: AppointmentSlot["precision"] = part ? "part" : "day";
  if (clock !== null) {
    [from, to] = [clock, clock + 1];
    precision = "exact";
  }
  let day = found.day;
  if (found.weekdayOnly && at(day, to, timeZone).getTime() <= now.getTime()) day = addDays(day, 7);
  return { start: at(day, from, timeZone), end: at(day, to, timeZone), precision };
}
