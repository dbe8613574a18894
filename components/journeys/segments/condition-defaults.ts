import type { SegmentConditionInput, SegmentConditionKind } from "@/server/domain/segments/segment-definition";

/** What a newly added condition starts as. */
export function defaultCondition(kind: SegmentConditionKind): SegmentConditionInput {
  switch (kind) {
    case "appointment":
      return { kind, window: "tomorrow", clinicIds: [] };
    case "lastVisitBefore":
      return { kind, daysAgo: 180 };
    case "deductionWithin":
      return { kind, days: 7 };
    case "benefitExpiring":
      return { kind, days: 30 };
    case "tags":
      return { kind, tags: [], match: "any" };
    case "consultant":
      return { kind, consultantIds: [] };
    case "clinic":
      return { kind, clinicIds: [] };
    case "ownMobile":
      return { kind, value: true };
  }
}
