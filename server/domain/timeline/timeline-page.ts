/**
 * Keyset pagination over several time-ordered sources at once (follow-up tasks, calls, appointments …) for the
 * 动态时间轴: entries sort by time (newest first), then source name, then id (descending), so a cursor taken from the
 * last entry of a page says exactly where every source continues, even when entries share a timestamp.
 */
export interface TimelineCursor {
  at: Date;
  source: string;
  id: string;
}

export interface TimelineItem {
  source: string;
  id: string;
  at: Date;
}

/** How one source must bound its query to continue after `cursor`. */
export type SourceBound =
  | { kind: "all" }
  | { kind: "before"; at: Date } // time < at
  | { kind: "atOrBefore"; at: Date } // time <= at
  | { kind: "beforeOrSameTimeLowerId"; at: Date; id: string }; // time < at, or time = at and id < id

export function sourceBound(source: string, cursor: TimelineCursor | null | undefined): SourceBound {
  if (!cursor) return { kind: "all" };
  if (source > cursor.source) return { kind: "atOrBefore", at: cursor.at };
  if (source < cursor.source) return { kind: "before", at: cursor.at };
  return { kind: "beforeOrSameTimeLowerId", at: cursor.at, id: cursor.id };
}

export function compareTimeline(a: TimelineItem, b: TimelineItem): number {
  return b.at.getTime() - a.at.getTime() || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * Merges per-source lists (each already bounded by `sourceBound` and holding up to `limit` of its first entries) into
 * one page. `hasMore` is true when any source may hold more than what the page shows.
 */
export function mergeTimelinePage<T extends TimelineItem>(
  lists: readonly (readonly T[])[],
  limit: number,
  sourceMayHaveMore: readonly boolean[],
): { entries: T[]; nextCursor: TimelineCursor | null } {
  const all = lists.flat().sort(compareTimeline);
  const entries = all.slice(0, limit);
  const more = all.length > limit || sourceMayHaveMore.some(Boolean);
  const last = entries[entries.length - 1];
  return { entries, nextCursor: more && last ? { at: last.at, source: last.source, id: last.id } : null };
}
