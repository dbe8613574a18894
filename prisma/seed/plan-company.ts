/**
 * Pure planning of one company's seed data: everything seedCompany inserts, with rows referring to each other by index
 * (clinic index, staff index, patient index). Deterministic: the same options and `now` give the same plan.
 */
import type { SystemRoleKey } from "../../server/domain/auth/permissions";
import { assertCompanyKey, staffEmail, staffMobile, type StaffSlot } from "./accounts";
import { birthdayForAge, chineseName, medicalRecordNo, uniqueMobile, type SeedGender } from "./generators";
import { chance, pick, randInt, rngFor, sample, shuffle, weighted, type Rng } from "./random";
import { DAY_MS, HOUR_MS, MINUTE_MS, addMs, atShanghai, shanghaiDayStart, shanghaiYearMonth } from "./time";

// ───────────────────────────── inputs ─────────────────────────────

export interface SeedClinicInput {
  name: string;
  shortName: string;
  address: string;
  phone?: string;
  /** 1–4 capital letters, the prefix of this clinic's 病历号. Default: A, B, C … by position. */
  code?: string;
}

export interface SeedCompanyOptions {
  /** Short lowercase key ("a", "b" …) from which staff mobiles/e-mails and the PRNG seed derive. */
  key: string;
  name: string;
  clinics: SeedClinicInput[];
  patients: number;
  now: Date;
  /** Approved qualification, and the first two clinics opened for AI calls. */
  opened?: boolean;
}

// ───────────────────────────── vocabulary ─────────────────────────────

export const PATIENT_TAGS = ["正畸意向", "种植意向", "洁牙", "儿童", "美白", "沉睡客户", "会员"] as const;

export const DENTAL_ITEMS = [
  "洁牙",
  "复诊",
  "正畸复诊",
  "种植咨询",
  "补牙",
  "根管治疗",
  "拔牙",
  "儿童涂氟",
  "窝沟封闭",
  "牙齿美白",
] as const;
export type DentalItem = (typeof DENTAL_ITEMS)[number];

type Profile = "child" | "ortho" | "implant" | "general";

const PROFILE_WEIGHTS: readonly (readonly [Profile, number])[] = [
  ["child", 12],
  ["ortho", 15],
  ["implant", 10],
  ["general", 63],
];

const PROFILE_AGES: Record<Profile, readonly [number, number]> = {
  child: [4, 12],
  ortho: [12, 35],
  implant: [40, 75],
  general: [18, 70],
};

const PROFILE_ITEMS: Record<Profile, readonly (readonly [DentalItem, number])[]> = {
  child: [["儿童涂氟", 35], ["窝沟封闭", 25], ["补牙", 15], ["复诊", 15], ["洁牙", 10]],
  ortho: [["正畸复诊", 60], ["洁牙", 15], ["复诊", 15], ["补牙", 10]],
  implant: [["种植咨询", 35], ["复诊", 25], ["拔牙", 15], ["洁牙", 15], ["根管治疗", 10]],
  general: [["洁牙", 30], ["补牙", 18], ["复诊", 15], ["根管治疗", 12], ["拔牙", 10], ["牙齿美白", 8], ["种植咨询", 7]],
};

/** 划扣 item and price range (yuan) for a performed appointment item. */
const DEDUCTIONS: Record<DentalItem, { item: string; min: number; max: number; p: number }> = {
  洁牙: { item: "洁牙", min: 198, max: 398, p: 0.85 },
  复诊: { item: "复诊处置", min: 50, max: 300, p: 0.3 },
  正畸复诊: { item: "正畸分期治疗", min: 500, max: 3000, p: 0.8 },
  种植咨询: { item: "种植体植入", min: 6800, max: 16800, p: 0.25 },
  补牙: { item: "树脂补牙", min: 300, max: 900, p: 0.9 },
  根管治疗: { item: "根管治疗", min: 1500, max: 3500, p: 0.9 },
  拔牙: { item: "拔牙", min: 200, max: 1500, p: 0.9 },
  儿童涂氟: { item: "儿童涂氟", min: 100, max: 200, p: 0.85 },
  窝沟封闭: { item: "窝沟封闭", min: 150, max: 600, p: 0.85 },
  牙齿美白: { item: "冷光美白", min: 1280, max: 2980, p: 0.9 },
};

const BENEFITS: Record<Profile, readonly string[]> = {
  child: ["涂氟套餐次卡", "窝沟封闭券", "儿童口腔检查券"],
  ortho: ["正畸保持器更换券", "洁牙券"],
  implant: ["种植术后维护券", "洁牙券"],
  general: ["洁牙券", "美白体验券", "会员口腔检查券"],
};

interface FollowUpRule {
  kind: "revisit" | "visit";
  title: string;
  content: string;
  afterDays: number;
  p: number;
}

const FOLLOW_UPS: Partial<Record<DentalItem, FollowUpRule>> = {
  根管治疗: { kind: "revisit", title: "术后回访", content: "询问术后疼痛、肿胀情况，提醒按时复诊完成冠修复", afterDays: 1, p: 0.9 },
  拔牙: { kind: "revisit", title: "术后回访", content: "询问拔牙创口出血、疼痛情况，提醒遵医嘱用药", afterDays: 1, p: 0.9 },
  种植咨询: { kind: "revisit", title: "种植咨询回访", content: "了解种植方案考虑情况，解答费用与疗程疑问", afterDays: 3, p: 0.8 },
  洁牙: { kind: "revisit", title: "洁牙后回访", content: "询问牙齿敏感情况，提醒半年后复查洁牙", afterDays: 2, p: 0.6 },
  补牙: { kind: "revisit", title: "补牙后回访", content: "询问咬合及冷热敏感情况", afterDays: 3, p: 0.5 },
  牙齿美白: { kind: "revisit", title: "美白后回访", content: "询问美白效果及敏感情况，提醒避免深色饮食", afterDays: 7, p: 0.7 },
  正畸复诊: { kind: "visit", title: "正畸随访", content: "提醒按时复诊，关注牙套佩戴及口腔卫生", afterDays: 28, p: 0.8 },
  儿童涂氟: { kind: "visit", title: "儿童口腔随访", content: "提醒家长三个月后复涂氟，关注孩子刷牙习惯", afterDays: 90, p: 0.5 },
  窝沟封闭: { kind: "visit", title: "儿童口腔随访", content: "检查封闭剂是否脱落，提醒定期检查", afterDays: 180, p: 0.4 },
};

const REVISIT_RESULTS = [
  "患者反馈无明显不适，已告知注意事项",
  "轻微冷热敏感，已嘱咐使用抗敏牙膏，一周后再观察",
  "患者满意，已预约半年后复查",
  "电话未接通，已发送短信提醒",
  "患者反馈仍有轻微疼痛，已建议到店复查",
];

const VISIT_RESULTS = [
  "已预约下次复诊时间",
  "患者表示近期工作忙，下月再约",
  "牙套佩戴良好，按计划复诊",
  "家长已知晓，近期安排到店",
];

/** Patient mobiles the platform DNC list blocks (vanity / important / high-complaint), put on a few patients. */
export const SPECIAL_MOBILES_A = ["15888888888", "13912345678", "13666666666", "13812388888", "18900001234"] as const;
export const SPECIAL_MOBILES_OTHER = ["13666666666", "18612345678"] as const;

// ───────────────────────────── plan types ─────────────────────────────

export interface PlannedStaff {
  slot: StaffSlot;
  role: SystemRoleKey;
  name: string;
  mobile: string;
  email: string;
  allClinics: boolean;
  clinicIdx: number[];
}

export interface PlannedClinic extends SeedClinicInput {
  code: string;
  doctors: string[];
  opened: boolean;
}

export interface PlannedPatient {
  clinicIdx: number;
  profile: Profile;
  name: string;
  gender: SeedGender | "unknown";
  mobile: string | null;
  hasOwnMobile: boolean;
  registered: boolean;
  medicalRecordNo: string | null;
  birthday: Date | null;
  tags: string[];
  consultantIdx: number | null; // index into staff
  onlineConsultantIdx: number | null;
  createdAt: Date;
}

export interface PlannedAppointment {
  patientIdx: number;
  clinicIdx: number;
  startsAt: Date;
  status: "scheduled" | "arrived" | "cancelled" | "missed";
  item: DentalItem;
  doctorName: string;
  createdAt: Date;
}

export interface PlannedVisit {
  patientIdx: number;
  clinicIdx: number;
  visitedAt: Date;
  item: DentalItem;
}

export interface PlannedDeduction {
  patientIdx: number;
  clinicIdx: number;
  performedAt: Date;
  item: string;
  amountCents: number;
}

export interface PlannedBenefit {
  patientIdx: number;
  clinicIdx: number;
  name: string;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface PlannedFollowUp {
  patientIdx: number;
  clinicIdx: number;
  kind: "revisit" | "visit";
  title: string;
  content: string;
  dueAt: Date;
  status: "pending" | "done" | "cancelled";
  executorIdx: number | null;
  completedAt: Date | null;
  result: string | null;
  createdAt: Date;
}

export interface PlannedSmsTemplate {
  name: string;
  content: string;
  status: "pending" | "approved" | "rejected";
  rejectReason: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
}

export interface CompanyPlan {
  key: string;
  name: string;
  createdAt: Date;
  clinics: PlannedClinic[];
  staff: PlannedStaff[];
  patients: PlannedPatient[];
  appointments: PlannedAppointment[];
  visits: PlannedVisit[];
  deductions: PlannedDeduction[];
  benefits: PlannedBenefit[];
  followUps: PlannedFollowUp[];
  smsTemplates: PlannedSmsTemplate[];
  openingBalance: { callMinutes: number; sms: number; at: Date };
  qualification: { submittedAt: Date; reviewedAt: Date } | null;
}

// ───────────────────────────── helpers ─────────────────────────────

/** A share of n, at least 1 once there are 10 or more patients. */
function portion(n: number, p: number): number {
  return n >= 10 ? Math.max(1, Math.round(n * p)) : Math.round(n * p);
}

/** 09:00 … 17:30, the start of a 30-minute appointment slot. */
function slot(rng: Rng): { hour: number; minute: number } {
  const i = randInt(rng, 0, 17);
  return { hour: 9 + Math.floor(i / 2), minute: (i % 2) * 30 };
}

function appointmentAt(rng: Rng, now: Date, dayOffset: number): Date {
  const { hour, minute } = slot(rng);
  return atShanghai(now, dayOffset, hour, minute);
}

function clamp(date: Date, max: Date): Date {
  return date.getTime() > max.getTime() ? max : date;
}

function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

function roundYuanToCents(yuan: number): number {
  return Math.round(yuan / 10) * 10 * 100;
}

// ───────────────────────────── planning ─────────────────────────────

export function planCompany(opts: SeedCompanyOptions): CompanyPlan {
  const { key, now } = opts;
  assertCompanyKey(key);
  if (opts.clinics.length === 0) throw new Error("a company needs at least one clinic");
  if (!Number.isInteger(opts.patients) || opts.patients < 0) throw new Error("patients must be a non-negative integer");

  const clinics = planClinics(opts);
  const staff = planStaff(key, clinics.length);
  const consultantsOf = clinics.map((_, c) =>
    staff.flatMap((s, i) => (s.role === "consultant" && s.clinicIdx.includes(c) ? [i] : [])),
  );
  const onlinesOf = clinics.map((_, c) =>
    staff.flatMap((s, i) => (s.role === "onlineConsultant" && s.clinicIdx.includes(c) ? [i] : [])),
  );

  // ── patients ──
  const rng = rngFor(`${key}:patients`);
  const n = opts.patients;
  const clinicWeights = clinics.map((_, i) => [i, clinics.length - i + 1] as const); // the flagship is busiest
  const order = shuffle(rng, Array.from({ length: n }, (_, i) => i));
  const noMobile = new Set(order.slice(0, portion(n, 0.03)));
  let at = noMobile.size;
  const relativeMobile = new Set(order.slice(at, (at += portion(n, 0.05))));
  const unregistered = new Set(order.slice(at, (at += portion(n, 0.08))));
  const specialMobiles = key === "a" ? SPECIAL_MOBILES_A : SPECIAL_MOBILES_OTHER;
  const special = new Map<number, string>();
  for (const m of specialMobiles) if (at < n) special.set(order[at++] as number, m);

  const specialSet = new Set<string>(specialMobiles);
  const taken = new Set<string>(specialMobiles);
  const patients: PlannedPatient[] = [];
  for (let i = 0; i < n; i++) {
    const isUnregistered = unregistered.has(i);
    // Half of those on a relative's number are children booked by a parent.
    const profile: Profile = special.has(i)
      ? "general"
      : relativeMobile.has(i) && chance(rng, 0.5)
        ? "child"
        : weighted(rng, PROFILE_WEIGHTS);
    const genderRoll = rng();
    const gender: PlannedPatient["gender"] = genderRoll < 0.45 ? "male" : genderRoll < 0.98 ? "female" : "unknown";
    const name = chineseName(rng, gender === "unknown" ? (chance(rng, 0.5) ? "male" : "female") : gender);
    const [minAge, maxAge] = PROFILE_AGES[profile];
    const birthday = chance(rng, isUnregistered ? 0.4 : 0.95) ? birthdayForAge(rng, now, randInt(rng, minAge, maxAge)) : null;
    const createdDaysAgo = isUnregistered ? randInt(rng, 1, 60) : randInt(rng, 2, 730);
    const createdAt = atShanghai(now, -createdDaysAgo, randInt(rng, 9, 19), randInt(rng, 0, 59));

    let mobile: string | null;
    let hasOwnMobile = true;
    if (noMobile.has(i)) mobile = null;
    else if (special.has(i)) mobile = special.get(i) as string;
    else if (relativeMobile.has(i)) {
      hasOwnMobile = false;
      // A relative's number: often one already on file (a parent booking for a child), otherwise a new one.
      const family = patients.filter((p) => p.mobile && p.hasOwnMobile && !specialSet.has(p.mobile as string));
      mobile = family.length > 0 && chance(rng, 0.6) ? (pick(rng, family).mobile as string) : uniqueMobile(rng, taken);
    } else mobile = uniqueMobile(rng, taken);

    const clinicIdx = weighted(rng, clinicWeights);
    const consultants = consultantsOf[clinicIdx] as number[];
    const onlines = onlinesOf[clinicIdx] as number[];
    const consultantIdx =
      consultants.length > 0 && chance(rng, isUnregistered ? 0.2 : 0.85) ? pick(rng, consultants) : null;
    const onlineConsultantIdx = onlines.length > 0 && chance(rng, isUnregistered ? 0.8 : 0.35) ? pick(rng, onlines) : null;

    patients.push({
      clinicIdx,
      profile,
      name,
      gender,
      mobile,
      hasOwnMobile,
      registered: !isUnregistered,
      medicalRecordNo: null,
      birthday,
      tags: [],
      consultantIdx,
      onlineConsultantIdx,
      createdAt,
    });
  }
  assignMedicalRecordNos(patients, clinics);

  // ── appointments and visits ──
  const arng = rngFor(`${key}:appointments`);
  const appointments: PlannedAppointment[] = [];
  const visits: PlannedVisit[] = [];
  const itemFor = (p: PlannedPatient): DentalItem => weighted(arng, PROFILE_ITEMS[p.profile]);
  const doctorFor = (p: PlannedPatient): string => pick(arng, (clinics[p.clinicIdx] as PlannedClinic).doctors);
  const addPast = (patientIdx: number, startsAt: Date, item: DentalItem, status: PlannedAppointment["status"]) => {
    const p = patients[patientIdx] as PlannedPatient;
    const createdAt = maxDate(p.createdAt, addMs(startsAt, -randInt(arng, 1, 10) * DAY_MS));
    const doctorName = doctorFor(p);
    appointments.push({ patientIdx, clinicIdx: p.clinicIdx, startsAt, status, item, doctorName, createdAt: clamp(createdAt, startsAt) });
    if (status === "arrived") {
      const visitedAt = addMs(startsAt, randInt(arng, -10, 20) * MINUTE_MS);
      visits.push({ patientIdx, clinicIdx: p.clinicIdx, visitedAt, item });
    }
  };
  const addFuture = (patientIdx: number, startsAt: Date) => {
    const p = patients[patientIdx] as PlannedPatient;
    const booked = addMs(now, -randInt(arng, 1, 20) * DAY_MS - randInt(arng, 0, 600) * MINUTE_MS);
    appointments.push({
      patientIdx,
      clinicIdx: p.clinicIdx,
      startsAt,
      status: "scheduled",
      item: itemFor(p),
      doctorName: doctorFor(p),
      createdAt: clamp(maxDate(p.createdAt, booked), now),
    });
  };
  const pastStatus = (): PlannedAppointment["status"] =>
    weighted(arng, [["arrived", 78], ["missed", 10], ["cancelled", 12]] as const);

  // Past appointments: registered patients between registration and yesterday.
  // Unregistered leads only have a missed or cancelled one now and then.
  patients.forEach((p, i) => {
    const createdDaysAgo = Math.round((shanghaiDayStart(now).getTime() - shanghaiDayStart(p.createdAt).getTime()) / DAY_MS);
    if (createdDaysAgo < 2) return;
    if (!p.registered) {
      if (chance(arng, 0.25)) {
        const startsAt = appointmentAt(arng, now, -randInt(arng, 1, createdDaysAgo - 1));
        addPast(i, startsAt, itemFor(p), chance(arng, 0.5) ? "missed" : "cancelled");
      }
      return;
    }
    const count = weighted(arng, [[0, 8], [1, 25], [2, 25], [3, 20], [4, 13], [5, 9]] as const);
    const offsets = Array.from({ length: count }, () => randInt(arng, 1, createdDaysAgo - 1)).sort((a, b) => b - a);
    offsets.forEach((off, k) => {
      // The first appointment is the registration visit, so it is always attended.
      addPast(i, appointmentAt(arng, now, -off), itemFor(p), k === 0 ? "arrived" : pastStatus());
    });
  });

  // Today: the ones already past are settled, the rest are still scheduled.
  const registeredIdx = patients.flatMap((p, i) => (p.registered ? [i] : []));
  for (const i of sample(arng, registeredIdx, portion(n, 0.02))) {
    const p = patients[i] as PlannedPatient;
    const startsAt = appointmentAt(arng, now, 0);
    if (startsAt.getTime() + 30 * MINUTE_MS <= now.getTime() && startsAt.getTime() >= p.createdAt.getTime())
      addPast(i, startsAt, itemFor(p), chance(arng, 0.85) ? "arrived" : "missed");
    else if (startsAt.getTime() > now.getTime()) addFuture(i, startsAt);
  }

  // Tomorrow (预约明天到店): at least 30 for a normal-sized company, plus every edge case creation checks care about.
  const tomorrowCount = Math.min(n, Math.max(Math.round(n * 0.06), Math.min(30, Math.floor(n / 3))));
  const edgeCases = [
    ...[...noMobile].slice(0, 1),
    ...[...relativeMobile].slice(0, 1),
    ...[...unregistered].slice(0, 1),
    ...special.keys(),
  ];
  const tomorrow = new Set(edgeCases.slice(0, tomorrowCount));
  const ordinary = patients.flatMap((p, i) =>
    p.registered && p.mobile && p.hasOwnMobile && !special.has(i) && !tomorrow.has(i) ? [i] : [],
  );
  for (const i of sample(arng, ordinary, tomorrowCount - tomorrow.size)) tomorrow.add(i);
  for (const i of [...tomorrow].sort((a, b) => a - b)) addFuture(i, appointmentAt(arng, now, 1));

  // The next two weeks (days 2–14); about half of the unregistered leads have booked their first visit.
  const later = patients.flatMap((p, i) => (!tomorrow.has(i) ? [i] : []));
  for (const i of sample(arng, later, portion(n, 0.12))) addFuture(i, appointmentAt(arng, now, randInt(arng, 2, 14)));
  for (const i of unregistered) if (!tomorrow.has(i) && chance(arng, 0.5)) addFuture(i, appointmentAt(arng, now, randInt(arng, 1, 14)));

  appointments.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.patientIdx - b.patientIdx);
  visits.sort((a, b) => a.visitedAt.getTime() - b.visitedAt.getTime() || a.patientIdx - b.patientIdx);

  // ── tags ──
  const trng = rngFor(`${key}:tags`);
  const lastVisit = new Map<number, number>();
  const items = new Map<number, Set<DentalItem>>();
  for (const v of visits) {
    lastVisit.set(v.patientIdx, Math.max(lastVisit.get(v.patientIdx) ?? 0, v.visitedAt.getTime()));
    const set = items.get(v.patientIdx) ?? new Set<DentalItem>();
    set.add(v.item);
    items.set(v.patientIdx, set);
  }
  const upcoming = new Set(appointments.filter((a) => a.status === "scheduled").map((a) => a.patientIdx));
  patients.forEach((p, i) => {
    const tags = new Set<string>();
    const had = items.get(i) ?? new Set<DentalItem>();
    if (p.profile === "child") tags.add("儿童");
    if (p.profile === "ortho" && chance(trng, 0.7)) tags.add("正畸意向");
    if (p.profile === "implant" && chance(trng, 0.75)) tags.add("种植意向");
    if (had.has("洁牙") && chance(trng, 0.6)) tags.add("洁牙");
    if (had.has("牙齿美白") || chance(trng, 0.06)) tags.add("美白");
    if (p.registered && chance(trng, 0.18)) tags.add("会员");
    const last = lastVisit.get(i);
    if (p.registered && last !== undefined && now.getTime() - last > 180 * DAY_MS && !upcoming.has(i)) tags.add("沉睡客户");
    p.tags = PATIENT_TAGS.filter((t) => tags.has(t));
  });

  // ── 划扣 (last 90 days) ──
  const drng = rngFor(`${key}:deductions`);
  const deductions: PlannedDeduction[] = [];
  for (const v of visits) {
    if (now.getTime() - v.visitedAt.getTime() > 90 * DAY_MS) continue;
    const d = DEDUCTIONS[v.item];
    if (!chance(drng, d.p)) continue;
    deductions.push({
      patientIdx: v.patientIdx,
      clinicIdx: v.clinicIdx,
      performedAt: clamp(addMs(v.visitedAt, randInt(drng, 20, 90) * MINUTE_MS), now),
      item: d.item,
      amountCents: roundYuanToCents(randInt(drng, d.min, d.max)),
    });
  }

  // ── 临期权益 ──
  const brng = rngFor(`${key}:benefits`);
  const benefits: PlannedBenefit[] = [];
  for (const i of sample(brng, registeredIdx, portion(n, 0.25)).sort((a, b) => a - b)) {
    const p = patients[i] as PlannedPatient;
    const names = sample(brng, BENEFITS[p.profile], chance(brng, 0.3) ? 2 : 1);
    for (const name of names) {
      const kind = weighted(brng, [["soon", 40], ["later", 35], ["expired", 15], ["used", 10]] as const);
      const days = {
        soon: () => randInt(brng, 0, 29), // 临期: expires within 30 days
        later: () => randInt(brng, 31, 180),
        expired: () => -randInt(brng, 1, 60),
        used: () => randInt(brng, -30, 120),
      }[kind]();
      const expiresAt = addMs(atShanghai(now, days, 23, 59), 59_000);
      const usedAt =
        kind === "used" ? atShanghai(now, -randInt(brng, 1, 60), randInt(brng, 9, 17), randInt(brng, 0, 59)) : null;
      benefits.push({ patientIdx: i, clinicIdx: p.clinicIdx, name, expiresAt, usedAt: usedAt && maxDate(usedAt, p.createdAt) });
    }
  }

  // ── 回访 / 随访 ──
  const frng = rngFor(`${key}:followUps`);
  const followUps: PlannedFollowUp[] = [];
  for (const v of visits) {
    if (now.getTime() - v.visitedAt.getTime() > 180 * DAY_MS) continue;
    const rule = FOLLOW_UPS[v.item];
    if (!rule || !chance(frng, rule.p)) continue;
    const p = patients[v.patientIdx] as PlannedPatient;
    const dayStart = shanghaiDayStart(v.visitedAt, rule.afterDays);
    const dueAt = addMs(dayStart, randInt(frng, 10, 17) * HOUR_MS);
    const consultants = consultantsOf[p.clinicIdx] as number[];
    const executorIdx = p.consultantIdx ?? (consultants.length > 0 ? pick(frng, consultants) : null);
    let status: PlannedFollowUp["status"] = "pending";
    let completedAt: Date | null = null;
    let result: string | null = null;
    if (dueAt.getTime() <= now.getTime()) {
      status = weighted(frng, [["done", 85], ["cancelled", 5], ["pending", 10]] as const);
      if (status === "done") {
        completedAt = clamp(addMs(dueAt, randInt(frng, 0, 360) * MINUTE_MS), now);
        result = pick(frng, rule.kind === "revisit" ? REVISIT_RESULTS : VISIT_RESULTS);
      }
    }
    followUps.push({
      patientIdx: v.patientIdx,
      clinicIdx: v.clinicIdx,
      kind: rule.kind,
      title: rule.title,
      content: rule.content,
      dueAt,
      status,
      executorIdx,
      completedAt,
      result,
      createdAt: v.visitedAt,
    });
  }

  const companyCreatedAt = atShanghai(now, -760, 10);
  return {
    key,
    name: opts.name,
    createdAt: companyCreatedAt,
    clinics,
    staff,
    patients,
    appointments,
    visits,
    deductions,
    benefits,
    followUps,
    smsTemplates: planSmsTemplates(now),
    openingBalance: { callMinutes: 5000, sms: 2000, at: atShanghai(now, -30, 10) },
    qualification: opts.opened ? { submittedAt: atShanghai(now, -20, 10, 12), reviewedAt: atShanghai(now, -18, 15, 40) } : null,
  };
}

function planClinics(opts: SeedCompanyOptions): PlannedClinic[] {
  const rng = rngFor(`${opts.key}:clinics`);
  const codes = opts.clinics.map((c, i) => c.code ?? String.fromCharCode(65 + i));
  for (const code of codes) if (!/^[A-Z]{1,4}$/.test(code)) throw new Error(`clinic code must be 1–4 capital letters: ${code}`);
  if (new Set(codes).size !== codes.length) throw new Error("clinic codes must be unique within a company");
  return opts.clinics.map((c, i) => ({
    ...c,
    code: codes[i] as string,
    doctors: Array.from({ length: 3 }, () => chineseName(rng, chance(rng, 0.5) ? "male" : "female")),
    opened: Boolean(opts.opened) && i < 2,
  }));
}

/**
 * 公司管理员 (all clinics), 诊所管理员 and 前台 (first clinic), 2–3 咨询师 and 1–2 网电咨询师 spread so that every
 * clinic has at least one of each.
 */
export function planStaff(key: string, clinicCount: number): PlannedStaff[] {
  const rng = rngFor(`${key}:staff`);
  const consultants = Math.min(3, Math.max(2, clinicCount));
  const onlines = clinicCount >= 2 ? 2 : 1;
  const spread = (i: number, of: number) => {
    const idx = new Set<number>([i % clinicCount]);
    for (let c = 0; c < clinicCount; c++) if (c % of === i) idx.add(c);
    return [...idx].sort((a, b) => a - b);
  };
  const make = (slot: StaffSlot, allClinics: boolean, clinicIdx: number[]): PlannedStaff => ({
    slot,
    role: slot.role,
    name: chineseName(rng, chance(rng, 0.6) ? "female" : "male", 0),
    mobile: staffMobile(key, slot),
    email: staffEmail(key, slot),
    allClinics,
    clinicIdx,
  });
  return [
    make({ role: "companyAdmin" }, true, []),
    make({ role: "clinicAdmin" }, false, [0]),
    make({ role: "frontDesk" }, false, [0]),
    ...Array.from({ length: consultants }, (_, i) => make({ role: "consultant", n: i + 1 }, false, spread(i, consultants))),
    ...Array.from({ length: onlines }, (_, i) => make({ role: "onlineConsultant", n: i + 1 }, false, spread(i, onlines))),
  ];
}

/** 病历号 per clinic and registration month, in registration order. */
function assignMedicalRecordNos(patients: PlannedPatient[], clinics: PlannedClinic[]): void {
  const groups = new Map<string, PlannedPatient[]>();
  for (const p of patients) {
    if (!p.registered) continue;
    const k = `${p.clinicIdx}|${shanghaiYearMonth(p.createdAt)}`;
    const list = groups.get(k) ?? [];
    list.push(p);
    groups.set(k, list);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    list.forEach((p, seq) => {
      p.medicalRecordNo = medicalRecordNo((clinics[p.clinicIdx] as PlannedClinic).code, shanghaiYearMonth(p.createdAt), seq + 1);
    });
  }
}

function planSmsTemplates(now: Date): PlannedSmsTemplate[] {
  const created = atShanghai(now, -25, 14);
  return [
    {
      name: "预约到店提醒",
      content: "【{诊所简称}】您好，您预约的明天{时间}到店就诊，请准时前往{诊所地址}，如需改约请致电门店。拒收请回复R",
      status: "approved",
      rejectReason: null,
      reviewedAt: atShanghai(now, -24, 11),
      createdAt: created,
    },
    {
      name: "未接通回电提醒",
      content: "【{诊所简称}】您好，我们刚刚致电您未能接通，如有口腔健康相关问题可随时来电咨询，期待为您服务。拒收请回复R",
      status: "approved",
      rejectReason: null,
      reviewedAt: atShanghai(now, -24, 11, 5),
      createdAt: addMs(created, 10 * MINUTE_MS),
    },
    {
      name: "种植节活动通知",
      content: "【{诊所简称}】种植牙节限时活动进行中，到店即享免费口腔检查及种植方案设计，详询门店。拒收请回复R",
      status: "pending",
      rejectReason: null,
      reviewedAt: null,
      createdAt: atShanghai(now, -2, 16),
    },
    {
      name: "洁牙特惠",
      content: "【{诊所简称}】洁牙特惠99元，名额有限先到先得！",
      status: "rejected",
      rejectReason: "营销短信需包含退订方式（如“拒收请回复R”）",
      reviewedAt: atShanghai(now, -9, 10, 30),
      createdAt: atShanghai(now, -10, 15),
    },
  ];
}
