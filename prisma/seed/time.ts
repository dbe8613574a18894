/**
 * Asia/Shanghai calendar helpers for seed data. China has observed no daylight saving time since 1991, so the zone is a
 * fixed UTC+8 and plain arithmetic is exact (and independent of the process TZ).
 */

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** The instant of 00:00 Asia/Shanghai on the Shanghai calendar day of `now` shifted by `dayOffset` days. */
export function shanghaiDayStart(now: Date, dayOffset = 0): Date {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  const midnightLocal = Math.floor(local / DAY_MS) * DAY_MS;
  return new Date(midnightLocal - SHANGHAI_OFFSET_MS + dayOffset * DAY_MS);
}

/** The instant of hh:mm Asia/Shanghai on the day `dayOffset` days from `now`'s Shanghai day (1 = tomorrow). */
export function atShanghai(now: Date, dayOffset: number, hour: number, minute = 0): Date {
  return new Date(shanghaiDayStart(now, dayOffset).getTime() + hour * HOUR_MS + minute * MINUTE_MS);
}

/** Shanghai calendar parts of an instant. */
export function shanghaiParts(date: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const d = new Date(date.getTime() + SHANGHAI_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** "202403" for an instant in March 2024 (Shanghai). */
export function shanghaiYearMonth(date: Date): string {
  const { year, month } = shanghaiParts(date);
  return `${year}${String(month).padStart(2, "0")}`;
}

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}
