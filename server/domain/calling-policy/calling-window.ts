import { zonedParts, zonedTimeToInstant } from "../time/local-day";
import { ALLOW, type Decision } from "./types";

/** 外呼时段 (seed §7 notice 3): calls may start from 09:00 until (not at) 20:00, clinic local time. */
export const WINDOW_START_HOUR = 9;
export const WINDOW_END_HOUR = 20;

export function isInCallingWindow(now: Date, timeZone: string): boolean {
  const { hour } = zonedParts(now, timeZone);
  return hour >= WINDOW_START_HOUR && hour < WINDOW_END_HOUR;
}

/** The next 09:00 local strictly after `now` (today's if it is still early, else tomorrow's). */
export function nextWindowStart(now: Date, timeZone: string): Date {
  const p = zonedParts(now, timeZone);
  const day = p.hour < WINDOW_START_HOUR ? p.day : p.day + 1;
  const start = zonedTimeToInstant({ year: p.year, month: p.month, day, hour: WINDOW_START_HOUR }, timeZone);
  // A zone whose clocks jump over 09:00 that day would give an instant at or before now; take the next day then.
  if (start.getTime() > now.getTime()) return start;
  return zonedTimeToInstant({ year: p.year, month: p.month, day: day + 1, hour: WINDOW_START_HOUR }, timeZone);
}

export function callingWindowRule(now: Date, timeZone: string): Decision {
  if (isInCallingWindow(now, timeZone)) return ALLOW;
  return { kind: "defer", until: nextWindowStart(now, timeZone), rule: "outsideCallingWindow" };
}

/** When calls launched now will start, for the notice where the user acts: 「当前不在外呼时段，将于 明天 09:00 开始」. */
export interface CallingWindowWait {
  /** The instant the window opens. */
  startsAt: Date;
  /** Local calendar days from now's day to the opening's day: 0 = 今天 (before 09:00), 1 = 明天 (after 20:00). */
  dayOffset: number;
  /** Local opening time, "09:00". */
  time: string;
}

/** Null inside the calling window; otherwise when it opens next, in the clinic's time zone. */
export function callingWindowWait(now: Date, timeZone: string): CallingWindowWait | null {
  if (isInCallingWindow(now, timeZone)) return null;
  const startsAt = nextWindowStart(now, timeZone);
  const today = zonedParts(now, timeZone);
  const day = zonedParts(startsAt, timeZone);
  const dayOffset = Math.round((Date.UTC(day.year, day.month - 1, day.day) - Date.UTC(today.year, today.month - 1, today.day)) / 86_400_000);
  return { startsAt, dayOffset, time: `${String(day.hour).padStart(2, "0")}:${String(day.minute).padStart(2, "0")}` };
}
