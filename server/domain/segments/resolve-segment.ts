import { localDayRange, zonedTimeToInstant } from "@/server/domain/time/local-day";
import type { SegmentCondition, SegmentDefinition } from "./segment-definition";

/**
 * A condition with its relative dates turned into instants, ready for SQL. Pure: "now" and the clinic's time zone are
 * given, so the same definition evaluated for a scheduled run always means the same days.
 */
export type ResolvedCondition =
  | { kind: "appointment"; from: Date; to: Date; clinicIds: string[] }
  | { kind: "lastVisitBefore"; before: Date }
  | { kind: "deductionWithin"; from: Date; to: Date }
  | { kind: "benefitExpiring"; from: Date; to: Date }
  | { kind: "tags"; tags: string[]; match: "any" | "all" }
  | { kind: "consultant"; consultantIds: string[] }
  | { kind: "clinic"; clinicIds: string[] }
  | { kind: "ownMobile"; value: boolean };

export interface ResolvedSegment {
  match: "all" | "any";
  conditions: ResolvedCondition[];
}

export interface EvaluationClock {
  now: Date;
  timeZone: string;
}

export function resolveSegment(def: SegmentDefinition, clock: EvaluationClock): ResolvedSegment {
  return { match: def.match, conditions: def.conditions.map((c) => resolveCondition(c, clock)) };
}

export function resolveCondition(c: SegmentCondition, { now, timeZone }: EvaluationClock): ResolvedCondition {
  const day = (offset: number) => localDayRange(now, timeZone, offset);
  switch (c.kind) {
    case "appointment": {
      if (c.window === "today") return { kind: "appointment", ...range(day(0)), clinicIds: c.clinicIds };
      if (c.window === "tomorrow") return { kind: "appointment", ...range(day(1)), clinicIds: c.clinicIds };
      const n = c.days ?? 1;
      return { kind: "appointment", from: day(0).start, to: day(n - 1).end, clinicIds: c.clinicIds };
    }
    case "lastVisitBefore": {
      if (c.date) {
        const [year, month, dayOfMonth] = c.date.split("-").map(Number) as [number, number, number];
        return { kind: "lastVisitBefore", before: zonedTimeToInstant({ year, month, day: dayOfMonth }, timeZone) };
      }
      return { kind: "lastVisitBefore", before: day(-(c.daysAgo ?? 0)).start };
    }
    case "deductionWithin":
      return { kind: "deductionWithin", from: day(-(c.days - 1)).start, to: day(0).end };
    case "benefitExpiring":
      // Not yet expired, and expiring before the end of the N-th day counted from today.
      return { kind: "benefitExpiring", from: now, to: day(c.days - 1).end };
    case "tags":
      return { kind: "tags", tags: [...new Set(c.tags)], match: c.match };
    case "consultant":
      return { kind: "consultant", consultantIds: c.consultantIds };
    case "clinic":
      return { kind: "clinic", clinicIds: c.clinicIds };
    case "ownMobile":
      return { kind: "ownMobile", value: c.value };
  }
}

function range(r: { start: Date; end: Date }) {
  return { from: r.start, to: r.end };
}
