/**
 * Pure planning of one company's seed data: everything seedCompany inserts, with rows referring to each other by index
 * (clinic index, staff index, patient index). Deterministic: the same options and `now` give the same plan.
 */
import { assertCompanyKey } from "./accounts";
import type { CompanyPlan, PlannedAppointment, PlannedBenefit, PlannedClinic, PlannedDeduction, PlannedFollowUp, PlannedPatient, PlannedVisit, SeedCompanyOptions } from "./company-plan";
import { BENEFITS, DEDUCTIONS, FOLLOW_UPS, PATIENT_TAGS, PROFILE_AGES, PROFILE_ITEMS, PROFILE_WEIGHTS, REVISIT_RESULTS, SPECIAL_MOBILES_A, SPECIAL_MOBILES_OTHER, VISIT_RESULTS, type DentalItem, type Profile } from "./dental-catalogue";
import { birthdayForAge, chineseName, medicalRecordNo, uniqueMobile } from "./generators";
import { chance, pick, randInt, rngFor, sample, shuffle, weighted, type Rng } from "./random";
import { planClinics, planSmsTemplates, planStaff } from "./plan-organisation";
import { DAY_MS, HOUR_MS, MINUTE_MS, addMs, atShanghai, shanghaiDayStart, shanghaiYearMonth } from "./time";

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
