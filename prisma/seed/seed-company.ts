/**
 * Seeds one tenant: company, clinics, the five system roles with their default permissions, staff, ~N patients and
 * their history (appointments, visits, 划扣, 临期权益, 回随访), SMS templates and opening balances. Bulk rows go in
 * with createMany, so a 600-patient company takes a few seconds. Not idempotent by itself (see seedDemo); call it on
 * a database that does not hold this key's accounts yet.
 */
import { DEFAULT_ROLE_PERMISSIONS, SYSTEM_ROLE_NAMES, type SystemRoleKey } from "../../server/domain/auth/permissions";
import { insertChunked, type SeedDb } from "./db";
import { newId } from "./ids";
import { demoPasswordHash } from "./password-hash";
import type { SeedCompanyOptions } from "./company-plan";
import { planCompany } from "./plan-company";
import { shanghaiDayStart } from "./time";

export type { SeedClinicInput, SeedCompanyOptions } from "./company-plan";

export const SYSTEM_ROLE_KEYS: readonly SystemRoleKey[] = [
  "companyAdmin",
  "clinicAdmin",
  "frontDesk",
  "consultant",
  "onlineConsultant",
];

export interface SeededUser {
  id: string;
  name: string;
  mobile: string;
  email: string;
  clinicIds: string[];
}

export interface SeedCompanyCounts {
  clinics: number;
  users: number;
  patients: number;
  appointments: number;
  appointmentsTomorrow: number;
  visits: number;
  deductions: number;
  benefits: number;
  followUps: number;
  smsTemplates: number;
}

export interface SeedCompanyResult {
  companyId: string;
  clinicIds: string[];
  /** The first user of each role (the one on the login page for company "a"). */
  users: Record<SystemRoleKey, SeededUser>;
  /** Every 咨询师 / 网电咨询师, with the clinics each one covers. */
  consultants: SeededUser[];
  onlineConsultants: SeededUser[];
  roles: Record<SystemRoleKey, string>;
  counts: SeedCompanyCounts;
}

export async function seedCompany(db: SeedDb, opts: SeedCompanyOptions): Promise<SeedCompanyResult> {
  const plan = planCompany(opts);
  const passwordHash = await demoPasswordHash();
  const companyId = newId();

  await db.company.create({ data: { id: companyId, name: plan.name, createdAt: plan.createdAt } });

  // ── clinics ──
  const clinicIds = plan.clinics.map(() => newId());
  await db.clinic.createMany({
    data: plan.clinics.map((c, i) => ({
      id: clinicIds[i] as string,
      companyId,
      name: c.name,
      shortName: c.shortName,
      address: c.address,
      phone: c.phone ?? null,
      timezone: "Asia/Shanghai",
      outboundOpenedAt: c.opened && plan.qualification ? plan.qualification.reviewedAt : null,
      createdAt: staggered(plan.createdAt, i), // so ordering by createdAt lists clinics as given
    })),
  });

  // ── roles ──
  const roles = Object.fromEntries(SYSTEM_ROLE_KEYS.map((k) => [k, newId()])) as Record<SystemRoleKey, string>;
  await db.role.createMany({
    data: SYSTEM_ROLE_KEYS.map((k) => ({
      id: roles[k],
      companyId,
      key: k,
      name: SYSTEM_ROLE_NAMES[k],
      isSystem: true,
      createdAt: plan.createdAt,
    })),
  });
  await db.rolePermission.createMany({
    data: SYSTEM_ROLE_KEYS.flatMap((k) =>
      DEFAULT_ROLE_PERMISSIONS[k].map((permission) => ({ roleId: roles[k], permission, grantedAt: plan.createdAt })),
    ),
  });

  // ── staff ──
  const staffIds = plan.staff.map(() => newId());
  await db.user.createMany({
    data: plan.staff.map((s, i) => ({
      id: staffIds[i] as string,
      companyId,
      roleId: roles[s.role],
      name: s.name,
      mobile: s.mobile,
      email: s.email,
      passwordHash,
      allClinics: s.allClinics,
      createdAt: staggered(plan.createdAt, i),
    })),
  });
  await db.userClinic.createMany({
    data: plan.staff.flatMap((s, i) => s.clinicIdx.map((c) => ({ userId: staffIds[i] as string, clinicId: clinicIds[c] as string }))),
  });
  const seededUsers: SeededUser[] = plan.staff.map((s, i) => ({
    id: staffIds[i] as string,
    name: s.name,
    mobile: s.mobile,
    email: s.email,
    clinicIds: s.allClinics ? [...clinicIds] : s.clinicIdx.map((c) => clinicIds[c] as string),
  }));
  const users = Object.fromEntries(
    SYSTEM_ROLE_KEYS.map((k) => [k, seededUsers[plan.staff.findIndex((s) => s.role === k)] as SeededUser]),
  ) as Record<SystemRoleKey, SeededUser>;
  const staffId = (idx: number | null) => (idx === null ? null : (staffIds[idx] as string));

  // ── patients ──
  const patientIds = plan.patients.map(() => newId());
  const patientRows = plan.patients.map((p, i) => ({
    id: patientIds[i] as string,
    companyId,
    clinicId: clinicIds[p.clinicIdx] as string,
    name: p.name,
    gender: p.gender,
    mobile: p.mobile,
    hasOwnMobile: p.hasOwnMobile,
    medicalRecordNo: p.medicalRecordNo,
    registered: p.registered,
    birthday: p.birthday,
    tags: p.tags,
    consultantId: staffId(p.consultantIdx),
    onlineConsultantId: staffId(p.onlineConsultantIdx),
    createdAt: p.createdAt,
    updatedAt: p.createdAt,
  }));
  await insertChunked(patientRows, (data) => db.patient.createMany({ data }));
  const ref = (patientIdx: number, clinicIdx: number) => ({
    id: newId(),
    companyId,
    clinicId: clinicIds[clinicIdx] as string,
    patientId: patientIds[patientIdx] as string,
  });

  // ── patient history ──
  await insertChunked(plan.appointments, (chunk) =>
    db.appointment.createMany({
      data: chunk.map((a) => ({
        ...ref(a.patientIdx, a.clinicIdx),
        startsAt: a.startsAt,
        status: a.status,
        item: a.item,
        doctorName: a.doctorName,
        createdAt: a.createdAt,
      })),
    }),
  );
  await insertChunked(plan.visits, (chunk) =>
    db.visit.createMany({
      data: chunk.map((v) => ({ ...ref(v.patientIdx, v.clinicIdx), visitedAt: v.visitedAt, item: v.item })),
    }),
  );
  await insertChunked(plan.deductions, (chunk) =>
    db.treatmentDeduction.createMany({
      data: chunk.map((d) => ({
        ...ref(d.patientIdx, d.clinicIdx),
        performedAt: d.performedAt,
        item: d.item,
        amountCents: d.amountCents,
      })),
    }),
  );
  await insertChunked(plan.benefits, (chunk) =>
    db.benefit.createMany({
      data: chunk.map((b) => ({ ...ref(b.patientIdx, b.clinicIdx), name: b.name, expiresAt: b.expiresAt, usedAt: b.usedAt })),
    }),
  );
  await insertChunked(plan.followUps, (chunk) =>
    db.followUpTask.createMany({
      data: chunk.map((f) => ({
        ...ref(f.patientIdx, f.clinicIdx),
        kind: f.kind,
        title: f.title,
        content: f.content,
        dueAt: f.dueAt,
        status: f.status,
        executorId: staffId(f.executorIdx),
        completedAt: f.completedAt,
        result: f.result,
        createdAt: f.createdAt,
      })),
    }),
  );

  // ── SMS templates, opening balances, qualification ──
  await db.smsTemplate.createMany({
    data: plan.smsTemplates.map((t) => ({
      companyId,
      name: t.name,
      content: t.content,
      status: t.status,
      rejectReason: t.rejectReason,
      reviewedAt: t.reviewedAt,
      createdAt: t.createdAt,
      updatedAt: t.reviewedAt ?? t.createdAt,
    })),
  });
  await db.callBalanceEntry.create({
    data: { companyId, delta: plan.openingBalance.callMinutes, reason: "topUp", createdAt: plan.openingBalance.at },
  });
  await db.smsQuotaEntry.create({
    data: { companyId, delta: plan.openingBalance.sms, reason: "topUp", createdAt: plan.openingBalance.at },
  });

  if (plan.qualification) {
    const admin = users.companyAdmin;
    const reviewer = await db.user.findFirst({ where: { isPlatformAdmin: true }, select: { id: true }, orderBy: { createdAt: "asc" } });
    await db.qualificationApplication.create({
      data: {
        companyId,
        applicantName: admin.name,
        applicantMobile: admin.mobile,
        companyName: plan.name,
        termsAcceptedAt: new Date(plan.qualification.submittedAt.getTime() - 5 * 60_000),
        status: "approved",
        submittedAt: plan.qualification.submittedAt,
        reviewedAt: plan.qualification.reviewedAt,
        reviewerId: reviewer?.id ?? null,
        createdAt: new Date(plan.qualification.submittedAt.getTime() - 30 * 60_000),
        updatedAt: plan.qualification.reviewedAt,
      },
    });
  }

  return {
    companyId,
    clinicIds,
    users,
    consultants: seededUsers.filter((_, i) => plan.staff[i]?.role === "consultant"),
    onlineConsultants: seededUsers.filter((_, i) => plan.staff[i]?.role === "onlineConsultant"),
    roles,
    counts: {
      clinics: plan.clinics.length,
      users: plan.staff.length,
      patients: plan.patients.length,
      appointments: plan.appointments.length,
      appointmentsTomorrow: countTomorrow(plan.appointments, opts.now),
      visits: plan.visits.length,
      deductions: plan.deductions.length,
      benefits: plan.benefits.length,
      followUps: plan.followUps.length,
      smsTemplates: plan.smsTemplates.length,
    },
  };
}

function countTomorrow(appointments: readonly { startsAt: Date }[], now: Date): number {
  const from = shanghaiDayStart(now, 1).getTime();
  const to = shanghaiDayStart(now, 2).getTime();
  return appointments.filter((a) => a.startsAt.getTime() >= from && a.startsAt.getTime() < to).length;
}

/** Distinct, ordered creation times for rows created "together" (one second apart). */
function staggered(at: Date, i: number): Date {
  return new Date(at.getTime() + i * 1000);
}
