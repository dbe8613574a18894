import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareTimeline, mergeTimelinePage, sourceBound, type SourceBound, type TimelineCursor, type TimelineItem } from "./timeline-page";

function applyBound(items: TimelineItem[], bound: SourceBound): TimelineItem[] {
  return items.filter((i) => {
    const t = i.at.getTime();
    switch (bound.kind) {
      case "all":
        return true;
      case "before":
        return t < bound.at.getTime();
      case "atOrBefore":
        return t <= bound.at.getTime();
      case "beforeOrSameTimeLowerId":
        return t < bound.at.getTime() || (t === bound.at.getTime() && i.id < bound.id);
    }
  });
}

/** What a source query does: bound, order by (time desc, id desc), take limit + 1. */
function page(sources: Record<string, TimelineItem[]>, cursor: TimelineCursor | null, limit: number) {
  const names = Object.keys(sources);
  const fetched = names.map((n) => applyBound(sources[n]!, sourceBound(n, cursor)).sort(compareTimeline).slice(0, limit + 1));
  return mergeTimelinePage(
    fetched.map((l) => l.slice(0, limit)),
    limit,
    fetched.map((l) => l.length > limit),
  );
}

describe("timeline pagination", () => {
  it("bounds each source relative to the cursor's source", () => {
    const cursor = { at: new Date(1000), source: "followUp", id: "m" };
    expect(sourceBound("call", cursor)).toEqual({ kind: "before", at: cursor.at });
    expect(sourceBound("followUp", cursor)).toEqual({ kind: "beforeOrSameTimeLowerId", at: cursor.at, id: "m" });
    expect(sourceBound("visit", cursor)).toEqual({ kind: "atOrBefore", at: cursor.at });
    expect(sourceBound("call", null)).toEqual({ kind: "all" });
  });

  it("pages through merged sources exactly once each, in order, even with equal timestamps", () => {
    const item = (source: string) =>
      fc.record({ source: fc.constant(source), id: fc.stringMatching(/^[a-z]{1,3}$/), at: fc.integer({ min: 0, max: 6 }).map((n) => new Date(n * 1000)) });
    const uniqueById = (items: TimelineItem[]) => [...new Map(items.map((i) => [i.id, i])).values()];
    fc.assert(
      fc.property(
        fc.array(item("call"), { maxLength: 15 }).map(uniqueById),
        fc.array(item("followUp"), { maxLength: 15 }).map(uniqueById),
        fc.array(item("appointment"), { maxLength: 8 }).map(uniqueById),
        fc.integer({ min: 1, max: 7 }),
        (calls, followUps, appointments, limit) => {
          const sources = { call: calls, followUp: followUps, appointment: appointments };
          const seen: TimelineItem[] = [];
          let cursor: TimelineCursor | null = null;
          for (let i = 0; i < 100; i++) {
            const p = page(sources, cursor, limit);
            seen.push(...p.entries);
            cursor = p.nextCursor;
            if (!cursor) break;
          }
          expect(seen).toEqual([...calls, ...followUps, ...appointments].sort(compareTimeline));
        },
      ),
    );
  });
});
