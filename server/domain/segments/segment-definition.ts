import { z } from "zod";
import { calendarDay } from "@/server/domain/validation/calendar-day";

/**
 * A segment (人群, CDP 筛选) is a list of patient conditions combined with 且 (all) or 或 (any). Relative conditions count
 * local calendar days in the evaluating clinic's time zone: "N 天内" always includes today.
 */
const id = z.string().min(1).max(40);
const days = (max: number) =>
  z
    .number({ error: "请输入天数" })
    .int("天数须为整数")
    .min(1, "天数至少为 1")
    .max(max, `天数不能超过 ${max}`);

export const appointmentCondition = z.object({
  kind: z.literal("appointment"),
  /** today: 今天; tomorrow: 明天; withinDays: 今天起 N 天内 */
  window: z.enum(["today", "tomorrow", "withinDays"]),
  days: days(90).optional(),
  /** Appointments at these clinics only (empty: any clinic). */
  clinicIds: z.array(id).max(50).default([]),
});

export const lastVisitBeforeCondition = z.object({
  kind: z.literal("lastVisitBefore"),
  /** A local date "YYYY-MM-DD", or … */
  date: calendarDay.optional(),
  /** … N days before today (keeps a daily journey's meaning as time passes). */
  daysAgo: days(3650).optional(),
});

export const deductionWithinCondition = z.object({ kind: z.literal("deductionWithin"), days: days(365) });
export const benefitExpiringCondition = z.object({ kind: z.literal("benefitExpiring"), days: days(365) });

export const tagsCondition = z.object({
  kind: z.literal("tags"),
  tags: z.array(z.string().trim().min(1).max(20)).min(1, "请至少选择一个标签").max(20),
  match: z.enum(["any", "all"]).default("any"),
});

export const consultantCondition = z.object({
  kind: z.literal("consultant"),
  consultantIds: z.array(id).min(1, "请至少选择一位咨询师").max(50),
});

export const clinicCondition = z.object({
  kind: z.literal("clinic"),
  clinicIds: z.array(id).min(1, "请至少选择一个门店").max(50),
});

/** 本人手机号: the patient's own mobile is on file (true) or not (false). */
export const ownMobileCondition = z.object({ kind: z.literal("ownMobile"), value: z.boolean() });

export const segmentCondition = z
  .discriminatedUnion("kind", [
    appointmentCondition,
    lastVisitBeforeCondition,
    deductionWithinCondition,
    benefitExpiringCondition,
    tagsCondition,
    consultantCondition,
    clinicCondition,
    ownMobileCondition,
  ])
  .superRefine((c, ctx) => {
    if (c.kind === "appointment" && c.window === "withinDays" && c.days === undefined) {
      ctx.addIssue({ code: "custom", message: "请填写预约的天数范围", path: ["days"] });
    }
    if (c.kind === "lastVisitBefore" && (c.date === undefined) === (c.daysAgo === undefined)) {
      ctx.addIssue({ code: "custom", message: "请选择最近到访的日期或天数（二选一）", path: ["date"] });
    }
  });

export const segmentDefinition = z.object({
  match: z.enum(["all", "any"]).default("all"),
  conditions: z.array(segmentCondition).max(12, "条件最多 12 个"),
});

export type SegmentCondition = z.output<typeof segmentCondition>;
export type SegmentConditionInput = z.input<typeof segmentCondition>;
export type SegmentDefinition = z.output<typeof segmentDefinition>;
export type SegmentDefinitionInput = z.input<typeof segmentDefinition>;
export type SegmentConditionKind = SegmentCondition["kind"];

export const SEGMENT_CONDITION_KINDS: readonly SegmentConditionKind[] = [
  "appointment",
  "lastVisitBefore",
  "deductionWithin",
  "benefitExpiring",
  "tags",
  "consultant",
  "clinic",
  "ownMobile",
];

/** Reads a stored `Segment.conditions` value; anything malformed yields null (the caller reports it). */
export function parseStoredDefinition(json: unknown): SegmentDefinition | null {
  const parsed = segmentDefinition.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** Ids of clinics and consultants a definition refers to, for tenancy checks when saving. */
export function referencedIds(def: SegmentDefinition): { clinicIds: string[]; consultantIds: string[] } {
  const clinicIds = new Set<string>();
  const consultantIds = new Set<string>();
  for (const c of def.conditions) {
    if (c.kind === "clinic" || c.kind === "appointment") c.clinicIds.forEach((x) => clinicIds.add(x));
    if (c.kind === "consultant") c.consultantIds.forEach((x) => consultantIds.add(x));
  }
  return { clinicIds: [...clinicIds], consultantIds: [...consultantIds] };
}
