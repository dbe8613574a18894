import { z } from "zod";
import { localDayRange, zonedParts, zonedTimeToInstant } from "@/server/domain/time/local-day";
import { isCalendarDay } from "@/server/domain/validation/calendar-day";

/**
 * When a published journey runs, in its clinic's time zone (never the server's): every day at HH:mm, or once at a local
 * date and time. A scheduled instant runs at most once (JourneyRun is unique per journey and instant); after downtime
 * only the latest missed instant runs, once.
 */
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const journeySchedule = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("daily"), time: z.string().regex(HHMM, "请选择每天的执行时间") }),
  z.object({
    kind: z.literal("once"),
    at: z.string().regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, "请选择执行的日期和时间").refine(isCalendarDay, "日期不存在"),
  }),
]);
export type JourneySchedule = z.output<typeof journeySchedule>;

function hhmm(time: string) {
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return { hour, minute };
}

/** The instant of a daily slot on the local day `offsetDays` from `now`'s local day. */
function dailyInstant(time: string, now: Date, timeZone: string, offsetDays: number): Date {
  const day = zonedParts(localDayRange(now, timeZone, offsetDays).start, timeZone);
  return zonedTimeToInstant({ year: day.year, month: day.month, day: day.day, ...hhmm(time) }, timeZone);
}

export function onceInstant(at: string, timeZone: string): Date {
  const [date, time] = at.split("T") as [string, string];
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return zonedTimeToInstant({ year, month, day, ...hhmm(time) }, timeZone);
}

/**
 * The scheduled instant that should run now: the latest one at or before `now` and at or after `notBefore` (when the
 * journey was published or resumed, or just after its last run). Null when nothing is due.
 */
export function dueSlot(schedule: JourneySchedule, timeZone: string, now: Date, notBefore: Date): Date | null {
  let slot: Date;
  if (schedule.kind === "once") {
    slot = onceInstant(schedule.at, timeZone);
  } else {
    slot = dailyInstant(schedule.time, now, timeZone, 0);
    if (slot > now) slot = dailyInstant(schedule.time, now, timeZone, -1);
  }
  return slot <= now && slot >= notBefore ? slot : null;
}

/** The next scheduled instant strictly after `after` (null for a single run already past). */
export function nextSlot(schedule: JourneySchedule, timeZone: string, after: Date): Date | null {
  if (schedule.kind === "once") {
    const at = onceInstant(schedule.at, timeZone);
    return at > after ? at : null;
  }
  for (const offset of [0, 1, 2]) {
    const slot = dailyInstant(schedule.time, after, timeZone, offset);
    if (slot > after) return slot;
  }
  return null;
}

/** 每天 10:00 / 2026-12-01 10:00 执行一次 */
export function describeSchedule(schedule: JourneySchedule): string {
  return schedule.kind === "daily" ? `每天 ${schedule.time}` : `${schedule.at.replace("T", " ")} 执行一次`;
}
