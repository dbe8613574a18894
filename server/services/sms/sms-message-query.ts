import type { Tx } from "@/server/db/create-client";
import { can, type Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { maskMobile } from "@/server/domain/patients/mobile";
import { smsFailureLabel, smsRecordStatus } from "@/server/domain/sms/sms-message";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";
import { zonedTimeToInstant } from "@/server/domain/time/local-day";
import type { Prisma } from "@/server/generated/prisma/client";
import { clinicFilter } from "@/server/services/tenancy/clinic-filter";
import type { SmsMessageFilters } from "./list-sms-messages.schema";

function dayStart(value: string, offsetDays = 0): Date {
  const [year, month, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, d + offsetDays));
  return zonedTimeToInstant({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }, DEFAULT_TIME_ZONE);
}

/**
 * Tenancy first — the company, and the caller's clinics by the patient's clinic as other lists scope (a message whose
 * patient is gone is shown only to those who see every clinic) — then the filters.
 */
export async function smsMessageWhere(db: Tx, scope: Scope, f: SmsMessageFilters): Promise<Prisma.SmsMessageWhereInput> {
  const clinics = await clinicFilter(db, scope);
  return {
    companyId: scope.companyId,
    ...(clinics ? { patient: { clinicId: clinics } } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.templateId ? { templateId: f.templateId } : {}),
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: dayStart(f.from) } : {}), ...(f.to ? { lt: dayStart(f.to, 1) } : {}) } } : {}),
  };
}

export const smsMessageSelect = {
  id: true,
  mobile: true,
  content: true,
  status: true,
  error: true,
  createdAt: true,
  sentAt: true,
  deliveredAt: true,
  callId: true,
  patient: { select: { id: true, name: true, clinic: { select: { shortName: true } } } },
  template: { select: { id: true, name: true } },
} satisfies Prisma.SmsMessageSelect;

export type SmsMessageRow = Prisma.SmsMessageGetPayload<{ select: typeof smsMessageSelect }>;

/** One 短信发送记录 line: the number masked without 查看完整手机号, the failure in words. */
export function smsMessageLine(row: SmsMessageRow, viewer: Viewer, locale: "zh-CN" | "en" = "zh-CN") {
  return {
    id: row.id,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    deliveredAt: row.deliveredAt,
    patientId: row.patient?.id ?? null,
    patientName: row.patient?.name ?? null,
    clinic: row.patient?.clinic.shortName ?? null,
    mobile: can(viewer, "patients.mobile.view") ? row.mobile : maskMobile(row.mobile),
    templateName: row.template?.name ?? null,
    content: row.content,
    status: smsRecordStatus(row),
    failReason: row.status === "failed" ? smsFailureLabel(row.error, locale) : null,
    callId: row.callId,
  };
}
