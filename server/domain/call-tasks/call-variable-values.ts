import { zonedParts } from "../time/local-day";

export interface VariableSources {
  patient: { name: string; gender: "male" | "female" | "unknown" };
  clinic: { shortName: string; address: string };
  appointment?: { startsAt: Date; item: string | null } | null;
  deduction?: { performedAt: Date; item: string } | null;
  visit?: { visitedAt: Date; item: string | null } | null;
  benefit?: { name: string; expiresAt: Date } | null;
}

const COMPOUND_SURNAMES = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "司徒", "夏侯"];

/** 王女士 / 李先生; without a known gender the full name is safer than guessing. */
export function patientTitle(name: string, gender: VariableSources["patient"]["gender"]): string {
  const trimmed = name.trim();
  if (!trimmed) return "您";
  if (gender === "unknown") return trimmed;
  const surname = COMPOUND_SURNAMES.find((s) => trimmed.startsWith(s)) ?? Array.from(trimmed)[0]!;
  return `${surname}${gender === "female" ? "女士" : "先生"}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

function dayNumber(d: Date, timeZone: string) {
  const p = zonedParts(d, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day) / 86_400_000;
}

/** 3月12日, or 2024年3月12日 when not this year. */
export function formatDate(d: Date, now: Date, timeZone: string): string {
  const p = zonedParts(d, timeZone);
  const year = zonedParts(now, timeZone).year === p.year ? "" : `${p.year}年`;
  return `${year}${p.month}月${p.day}日`;
}

/** 明天上午10:00 / 今天下午3:30 / 3月12日上午9:00, in the clinic's zone, relative to the call. */
export function formatAppointmentTime(startsAt: Date, now: Date, timeZone: string): string {
  const diff = dayNumber(startsAt, timeZone) - dayNumber(now, timeZone);
  const day = diff === 0 ? "今天" : diff === 1 ? "明天" : diff === 2 ? "后天" : formatDate(startsAt, now, timeZone);
  const { hour, minute } = zonedParts(startsAt, timeZone);
  const period = hour < 6 ? "凌晨" : hour < 12 ? "上午" : hour === 12 ? "中午" : hour < 18 ? "下午" : "晚上";
  const h12 = hour <= 12 ? hour : hour - 12;
  return `${day}${period}${h12}:${pad(minute)}`;
}

/** Values of the call variables (server/domain/templates/call-variables.ts) for one call. */
export function callVariableValues(src: VariableSources, now: Date, timeZone: string): Record<string, string> {
  const values: Record<string, string> = {
    patientTitle: patientTitle(src.patient.name, src.patient.gender),
    clinicShortName: src.clinic.shortName,
    clinicAddress: src.clinic.address,
  };
  if (src.appointment) {
    values.appointmentTime = formatAppointmentTime(src.appointment.startsAt, now, timeZone);
    values.appointmentItem = src.appointment.item?.trim() || "就诊";
  }
  if (src.deduction) {
    values.deductionItem = src.deduction.item;
    values.deductionDate = formatDate(src.deduction.performedAt, now, timeZone);
  }
  if (src.visit) values.visitDate = formatDate(src.visit.visitedAt, now, timeZone);
  if (src.benefit) {
    values.benefitName = src.benefit.name;
    values.benefitExpiry = formatDate(src.benefit.expiresAt, now, timeZone);
  }
  return values;
}
