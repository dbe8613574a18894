import { z } from "zod";
import { Prisma } from "@/server/generated/prisma/client";
import { zonedTimeToInstant } from "@/server/domain/time/local-day";
import type { Scope } from "@/server/domain/auth/scope";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";
import { LOW_CONFIDENCE } from "@/server/domain/intent/classify-intent";
import { normalizeMobile } from "@/server/domain/patients/mobile";
import { calendarDay } from "@/server/domain/validation/calendar-day";
import { likeText } from "@/server/domain/validation/like-pattern";

export const CALL_OUTCOMES = [
  "answered", "noAnswer", "busy", "rejected", "poweredOff", "emptyNumber", "suspended", "failed",
  "voicemail", "secretary", "operatorMessage", "wrongNumber",
] as const;

/** Dates in the date-range filter are calendar days of the company's zone (the product serves mainland clinics). */

const day = calendarDay;

/**
 * The 话单记录 filters (seed §8): 关联外呼话术, 客户意向 (only with a script), 归属咨询师, 归属网电咨询师, 通话状态, 日期;
 * and 门店 and a search by the patient's name or mobile number.
 */
export const callRecordFilterShape = {
  scriptId: z.string().min(1).optional(),
  /** 门店: one of the caller's clinics (another clinic lists nothing). */
  clinicId: z.string().min(1).optional(),
  /** 客户姓名或手机号: part of the name, or 3–11 digits of the number dialed. */
  q: z.string().trim().max(30, "搜索内容不能超过 30 个字").optional(),
  intent: z.string().min(1).max(60).optional(),
  consultantId: z.string().min(1).optional(),
  onlineConsultantId: z.string().min(1).optional(),
  outcome: z.enum(CALL_OUTCOMES).optional(),
  /** 需回电: calls in which the patient asked a person to call back, or complained (high priority). */
  callback: z.boolean().optional(),
  /** 待复核: analysed with low confidence and not yet corrected by a manager. */
  review: z.boolean().optional(),
  /** 客户提出时间: only calls in which the patient proposed a time. */
  proposedTime: z.boolean().optional(),
  from: day.optional(),
  to: day.optional(),
};

/** The cross-field rules, applied to any object schema that includes the filter shape. */
export function withFilterRules<T extends z.ZodType<{ scriptId?: string; intent?: string; from?: string; to?: string }>>(schema: T) {
  return schema
    .refine((f) => !f.intent || f.scriptId, { message: "请先选择关联外呼话术，再按客户意向筛选", path: ["intent"] })
    .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "结束日期不能早于开始日期", path: ["to"] });
}

export const callRecordFilters = withFilterRules(z.object(callRecordFilterShape));
export type CallRecordFilters = z.infer<typeof callRecordFilters>;

export function dayStart(value: string, offsetDays = 0): Date {
  const [year, month, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, d + offsetDays));
  return zonedTimeToInstant({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }, DEFAULT_TIME_ZONE);
}

/**
 * Tenancy first (company and the caller's clinics, see clinicFilter), then the filters, as SQL over "Call": the page and
 * the capped count (`SELECT count(*) FROM (SELECT 1 … LIMIT n)` lets PostgreSQL stop early on whichever index fits, where
 * Prisma's `count({ take })` adds an ORDER BY id that walks the primary key) share it.
 */
export function callRecordSql(scope: Scope, clinics: { in: string[] } | undefined, f: CallRecordFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`"companyId" = ${scope.companyId}`];
  if (clinics) parts.push(Prisma.sql`"clinicId" = ANY(${clinics.in}::text[])`);
  if (f.scriptId) parts.push(Prisma.sql`"scriptId" = ${f.scriptId}`);
  if (f.clinicId) parts.push(Prisma.sql`"clinicId" = ${f.clinicId}`);
  if (f.q) {
    const digits = searchDigits(f.q);
    const byName = Prisma.sql`"patientId" IN (SELECT id FROM "Patient" WHERE "companyId" = ${scope.companyId} AND name LIKE ${`%${likeText(f.q)}%`})`;
    parts.push(digits ? Prisma.sql`(${byName} OR mobile LIKE ${`%${digits}%`})` : byName);
  }
  if (f.intent) parts.push(Prisma.sql`"intent" = ${f.intent}`);
  if (f.consultantId) parts.push(Prisma.sql`"consultantId" = ${f.consultantId}`);
  if (f.onlineConsultantId) parts.push(Prisma.sql`"onlineConsultantId" = ${f.onlineConsultantId}`);
  if (f.outcome) parts.push(Prisma.sql`"outcome" = ${f.outcome}::"CallOutcome"`);
  if (f.callback) parts.push(Prisma.sql`("callbackRequested" OR "complaint")`);
  if (f.review) parts.push(Prisma.sql`"intentConfidence" < ${LOW_CONFIDENCE} AND "intentCorrectedAt" IS NULL`);
  if (f.proposedTime) parts.push(Prisma.sql`"proposedTime" IS NOT NULL`);
  if (f.from) parts.push(Prisma.sql`"dialedAt" >= ${dayStart(f.from)}`);
  if (f.to) parts.push(Prisma.sql`"dialedAt" < ${dayStart(f.to, 1)}`);
  return Prisma.join(parts, " AND ");
}

/** The digits of a search that looks like (part of) a mobile number, else null. */
function searchDigits(q: string): string | null {
  const digits = normalizeMobile(q);
  return /^\d{3,11}$/.test(digits) ? digits : null;
}
