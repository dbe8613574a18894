import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import { can, type Viewer } from "@/server/domain/auth/permissions";
import { mergeTimelinePage, sourceBound } from "@/server/domain/timeline/timeline-page";
import { zonedTimeToInstant } from "@/server/domain/time/local-day";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { FOLLOW_UP_TYPES, TIMELINE_TYPES } from "@/server/domain/timeline/timeline-types";
import { loadAppointments, loadCalls, loadClinicVisits, loadFollowUps, type TimelineBase } from "./timeline-sources";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";
import { calendarDay } from "@/server/domain/validation/calendar-day";

export { FOLLOW_UP_TYPES, TIMELINE_TYPES, type TimelineType } from "@/server/domain/timeline/timeline-types";

const day = calendarDay;

export const timelineInput = z.object({
  types: z.array(z.enum(TIMELINE_TYPES)).min(1, "请至少选择一种动态类型").default([...FOLLOW_UP_TYPES]),
  clinicId: z.string().min(1).optional(),
  from: day.optional(),
  to: day.optional(),
  /** Only entries before this instant (回随访记录 shows what has happened, not tasks planned for later). */
  until: z.date().optional(),
  cursor: z.object({ at: z.date(), source: z.string().max(20), id: z.string().max(40) }).nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type TimelineInput = z.input<typeof timelineInput>;

const dayStart = (value: string, plusDays = 0) => {
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + plusDays));
  return zonedTimeToInstant({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }, DEFAULT_TIME_ZONE);
};

function windowEnd(a: Date | undefined, b: Date | undefined): { lt?: Date } {
  const end = a && b ? (a < b ? a : b) : (a ?? b);
  return end ? { lt: end } : {};
}

/**
 * The 动态时间轴: 回访 / 随访 tasks and 智能外呼 calls (plus 预约 / 到诊 on a patient's 客户动态) merged by time, newest
 * first, a page at a time. The calls are part of the 跟进 timeline (seed §9: 智能外呼 is one of its types), so whoever
 * may see the timeline sees them — consultants act on them; the 通话详情 (transcript, recording) stays with 查看话单记录.
 */
export async function listTimeline(db: Tx, scope: Scope, viewer: Viewer, raw: TimelineInput & { patientId?: string }) {
  const input = timelineInput.parse(raw);
  if (raw.patientId) {
    const patient = await db.patient.findFirst({
      where: { id: raw.patientId, companyId: scope.companyId, clinicId: { in: scope.clinicIds } },
      select: { id: true },
    });
    if (!patient) throw AppError.notFound("患者");
  }
  const base: TimelineBase = {
    companyId: scope.companyId,
    clinicIds: input.clinicId ? scope.clinicIds.filter((id) => id === input.clinicId) : scope.clinicIds,
    patientId: raw.patientId,
    window: { ...(input.from ? { gte: dayStart(input.from) } : {}), ...windowEnd(input.to ? dayStart(input.to, 1) : undefined, input.until) },
  };
  const types = new Set(input.types);
  const take = input.limit + 1;
  const followUpKinds = (["revisit", "visit"] as const).filter((k) => types.has(k));
  const [calls, followUps, appointments, visits] = await Promise.all([
    types.has("outbound") ? loadCalls(db, base, sourceBound("call", input.cursor), take, can(viewer, "outbound.records.view")) : [],
    followUpKinds.length ? loadFollowUps(db, base, followUpKinds, sourceBound("followUp", input.cursor), take) : [],
    types.has("appointment") ? loadAppointments(db, base, sourceBound("appointment", input.cursor), take) : [],
    types.has("clinicVisit") ? loadClinicVisits(db, base, sourceBound("clinicVisit", input.cursor), take) : [],
  ]);
  const lists = [calls, followUps, appointments, visits] as const;
  const page = mergeTimelinePage<(typeof lists)[number][number]>(
    lists.map((l) => l.slice(0, input.limit)),
    input.limit,
    lists.map((l) => l.length > input.limit),
  );
  return { entries: page.entries, nextCursor: page.nextCursor };
}

export type TimelineEntry = Awaited<ReturnType<typeof listTimeline>>["entries"][number];
