import { isMainlandMobile, normalizeMobile } from "../mobile";
import { IMPORT_FIELD_LABELS, type ImportField } from "./fields";

/** A cell as the readers hand it over: text, a number (Excel stores mobiles and serial dates as numbers) or empty. */
export type ImportCell = string | number | null | undefined;
export type ImportRawRow = Partial<Record<ImportField, ImportCell>>;

export interface ImportRowError {
  /** Row number as the user sees it in the file (the header is row 1). */
  row: number;
  /** The field's column name (姓名, 手机号 …) or "" for the row as a whole. */
  column: string;
  reason: string;
}

export interface ImportPatientRow {
  row: number;
  name: string;
  mobile: string;
  gender: "male" | "female" | "unknown";
  /** YYYY-MM-DD */
  birthday: string | null;
  clinicId: string;
  consultantId: string | null;
  onlineConsultantId: string | null;
  tags: string[];
  /** YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss, China wall time */
  lastVisitAt: string | null;
}

export interface ImportContext {
  clinics: readonly { id: string; name: string; shortName: string }[];
  staff: readonly { id: string; name: string }[];
  /** Today in China, YYYY-MM-DD: no birthday or visit after it. */
  today: string;
}

/** Lookups built once per run from the company's clinics and staff. */
export interface ImportLookups {
  clinicByName: Map<string, string>;
  staffByName: Map<string, string[]>;
  onlyClinicId: string | null;
  today: string;
}

export function importLookups(context: ImportContext): ImportLookups {
  const clinicByName = new Map<string, string>();
  for (const c of context.clinics) {
    clinicByName.set(c.name.trim(), c.id);
    if (c.shortName.trim()) clinicByName.set(c.shortName.trim(), c.id);
  }
  const staffByName = new Map<string, string[]>();
  for (const s of context.staff) {
    const key = s.name.trim();
    staffByName.set(key, [...(staffByName.get(key) ?? []), s.id]);
  }
  return { clinicByName, staffByName, onlyClinicId: context.clinics.length === 1 ? context.clinics[0]!.id : null, today: context.today };
}

const text = (cell: ImportCell) => (cell === null || cell === undefined ? "" : String(cell).trim());

const GENDERS: Record<string, ImportPatientRow["gender"]> = {
  男: "male",
  女: "female",
  m: "male",
  f: "female",
  male: "male",
  female: "female",
  未知: "unknown",
  unknown: "unknown",
};

/** Check one row of the file; either the patient to write or every problem found in it. */
export function validateImportRow(
  row: number,
  raw: ImportRawRow,
  lookups: ImportLookups,
): { patient: ImportPatientRow; errors: [] } | { patient: null; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const fail = (field: ImportField, reason: string) => errors.push({ row, column: IMPORT_FIELD_LABELS[field], reason });

  const name = text(raw.name);
  if (!name) fail("name", "姓名为空");
  else if (name.length > 50) fail("name", "姓名超过 50 个字");

  const mobileText = text(raw.mobile);
  const mobile = normalizeMobile(mobileText);
  if (!mobileText) fail("mobile", "手机号为空");
  else if (!isMainlandMobile(mobile)) fail("mobile", `手机号「${mobileText}」不是有效的中国大陆手机号`);

  const genderText = text(raw.gender).toLowerCase();
  const gender = genderText ? GENDERS[genderText] : "unknown";
  if (!gender) fail("gender", `性别「${text(raw.gender)}」无法识别（应为 男 / 女）`);

  let birthday: string | null = null;
  if (text(raw.birthday)) {
    const parsed = parseImportDate(raw.birthday);
    if (!parsed) fail("birthday", `出生日期「${text(raw.birthday)}」无法识别（如 1990-05-01）`);
    else if (parsed.date > lookups.today) fail("birthday", `出生日期 ${parsed.date} 晚于今天`);
    else if (parsed.date < "1900-01-01") fail("birthday", `出生日期 ${parsed.date} 早于 1900 年`);
    else birthday = parsed.date;
  }

  let clinicId: string | null = null;
  const clinicName = text(raw.clinic);
  if (clinicName) {
    clinicId = lookups.clinicByName.get(clinicName) ?? null;
    if (!clinicId) fail("clinic", `诊所「${clinicName}」不存在`);
  } else if (lookups.onlyClinicId) {
    clinicId = lookups.onlyClinicId;
  } else {
    fail("clinic", "所属诊所为空");
  }

  const staff = (field: "consultant" | "onlineConsultant"): string | null => {
    const staffName = text(raw[field]);
    if (!staffName) return null;
    const ids = lookups.staffByName.get(staffName) ?? [];
    if (ids.length === 0) fail(field, `员工「${staffName}」不存在`);
    else if (ids.length > 1) fail(field, `员工「${staffName}」重名，无法确定是哪一位`);
    return ids.length === 1 ? ids[0]! : null;
  };
  const consultantId = staff("consultant");
  const onlineConsultantId = staff("onlineConsultant");

  const tags = [...new Set(text(raw.tags).split(/[,，;；、|/]/).map((t) => t.trim()).filter(Boolean))];
  if (tags.some((t) => t.length > 20)) fail("tags", "单个标签超过 20 个字");

  let lastVisitAt: string | null = null;
  if (text(raw.lastVisitAt)) {
    const parsed = parseImportDate(raw.lastVisitAt);
    if (!parsed) fail("lastVisitAt", `最近到店「${text(raw.lastVisitAt)}」无法识别（如 2024-03-08 或 2024-03-08 14:30）`);
    else if (parsed.date > lookups.today) fail("lastVisitAt", `最近到店 ${parsed.date} 晚于今天`);
    else if (parsed.date < "2000-01-01") fail("lastVisitAt", `最近到店 ${parsed.date} 早于 2000 年`);
    else lastVisitAt = parsed.time ? `${parsed.date}T${parsed.time}` : parsed.date;
  }

  if (errors.length > 0 || !gender || !clinicId) return { patient: null, errors };
  return {
    patient: { row, name, mobile, gender, birthday, clinicId, consultantId, onlineConsultantId, tags, lastVisitAt },
    errors: [],
  };
}

/** Mobiles already seen in the file: the first row wins, a later one is reported against it. */
export class FileDuplicates {
  private readonly firstRow = new Map<string, number>();

  check(patient: ImportPatientRow): ImportRowError | null {
    const first = this.firstRow.get(patient.mobile);
    if (first !== undefined) return { row: patient.row, column: IMPORT_FIELD_LABELS.mobile, reason: `手机号与第 ${first} 行重复` };
    this.firstRow.set(patient.mobile, patient.row);
    return null;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Dates as clinics type them: 2024-03-08, 2024/3/8, 2024.3.8, 20240308, 2024年3月8日, with an optional time, or an Excel
 * serial day number (a date cell the reader did not format). null when it is not a calendar date.
 */
export function parseImportDate(cell: ImportCell): { date: string; time: string | null } | null {
  if (typeof cell === "number") return excelSerial(cell);
  const s = text(cell);
  if (/^\d{5}(\.\d+)?$/.test(s)) return excelSerial(Number(s));
  const m =
    /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))(?:[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[4]);
  const day = Number(m[3] ?? m[5]);
  if (!isCalendarDate(year, month, day)) return null;
  let time: string | null = null;
  if (m[6] !== undefined) {
    const hh = Number(m[6]);
    const mm = Number(m[7]);
    const ss = Number(m[8] ?? 0);
    if (hh > 23 || mm > 59 || ss > 59) return null;
    time = `${pad(hh)}:${pad(mm)}:${pad(ss)}`;
  }
  return { date: `${year}-${pad(month)}-${pad(day)}`, time };
}

function isCalendarDate(year: number, month: number, day: number) {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days!;
}

/** Excel's day numbers count from 1899-12-30 (its 1900 leap-year quirk included). */
function excelSerial(serial: number): { date: string; time: string | null } | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 200_000) return null;
  const days = Math.floor(serial);
  const { year, month, day } = civilFromDays(days - 25_569); // 25569 = days from 1899-12-30 to 1970-01-01
  const seconds = Math.round((serial - days) * 86_400);
  const time = seconds > 0 ? `${pad(Math.floor(seconds / 3600) % 24)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}` : null;
  return { date: `${year}-${pad(month)}-${pad(day)}`, time };
}

/** Days since 1970-01-01 → proleptic Gregorian date (H. Hinnant's civil_from_days). */
function civilFromDays(z0: number) {
  const z = z0 + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
