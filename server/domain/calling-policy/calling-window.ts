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
