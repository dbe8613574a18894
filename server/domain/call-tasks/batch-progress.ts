import { isInCallingWindow, nextWindowStart, WINDOW_END_HOUR } from "../calling-policy/calling-window";
import { zonedParts, zonedTimeToInstant } from "../time/local-day";
import { rosterStatus, type RosterStatus } from "../calls/roster";

type TaskLike = Parameters<typeof rosterStatus>[0];

/** A batch's figures in 外呼批次, from its tasks: 已呼 (at least one call placed) of 总数, 已接听, 拦截, 待呼 (still waiting or in a call). */
export interface BatchFigures {
  total: number;
  called: number;
  answered: number;
  intercepted: number;
  waiting: number;
  byStatus: Partial<Record<RosterStatus, number>>;
}

/** From tasks, or from groups of alike tasks (`count` of them, as a GROUP BY gives them). */
export function batchFigures(tasks: readonly (TaskLike & { calls: number; count?: number })[]): BatchFigures {
  const byStatus: Partial<Record<RosterStatus, number>> = {};
  let called = 0;
  let total = 0;
  for (const t of tasks) {
    const n = t.count ?? 1;
    const s = rosterStatus(t);
    byStatus[s] = (byStatus[s] ?? 0) + n;
    if (t.calls > 0) called += n;
    total += n;
  }
  const waiting = (byStatus.waiting ?? 0) + (byStatus.redialWaiting ?? 0) + (byStatus.calling ?? 0);
  return { total, called, answered: byStatus.answered ?? 0, intercepted: byStatus.intercepted ?? 0, waiting, byStatus };
}

/**
 * When a running batch's waiting tasks should all have been dialed: `waiting` tasks at `perMinute` dials a minute, spent
 * only inside 09:00–20:00 (clinic time) — a batch left at 19:50 with an hour's work finishes the next morning. Null
 * when nothing waits or nothing is dialed (rate 0). An estimate: redials and rules may stretch it.
 */
export function estimateBatchFinish(waiting: number, perMinute: number, now: Date, timeZone: string): Date | null {
  if (waiting <= 0 || perMinute <= 0) return null;
  let left = Math.ceil(waiting / perMinute) * 60_000;
  let at = isInCallingWindow(now, timeZone) ? now : nextWindowStart(now, timeZone);
  for (let day = 0; day < 366; day++) {
    const p = zonedParts(at, timeZone);
    const close = zonedTimeToInstant({ year: p.year, month: p.month, day: p.day, hour: WINDOW_END_HOUR }, timeZone);
    const room = close.getTime() - at.getTime();
    if (left <= room) return new Date(at.getTime() + left);
    left -= room;
    at = nextWindowStart(close, timeZone);
  }
  return null;
}
