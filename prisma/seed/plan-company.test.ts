import { describe, expect, it } from "vitest";
import { MAINLAND_MOBILE_RE } from "./generators";
import type { SeedCompanyOptions } from "./company-plan";
import { PATIENT_TAGS } from "./dental-catalogue";
import { planCompany } from "./plan-company";
import { COMPANY_A, COMPANY_B } from "./presets";
import { DAY_MS, shanghaiDayStart, shanghaiParts } from "./time";

const NOW = new Date("2026-03-10T02:15:00Z"); // 10:15 Shanghai

const optsA: SeedCompanyOptions = { ...COMPANY_A, clinics: [...COMPANY_A.clinics], now: NOW };
const optsB: SeedCompanyOptions = { ...COMPANY_B, clinics: [...COMPANY_B.clinics], now: NOW };

describe("planCompany", () => {
  const a = planCompany(optsA);

  it("is deterministic for the same options and clock", () => {
    expect(planCompany(optsA)).toEqual(a);
    const b1 = planCompany(optsB);
    expect(planCompany(optsB)).toEqual(b1);
    expect(b1.patients.map((p) => p.name)).not.toEqual(a.patients.slice(0, b1.patients.length).map((p) => p.name));
  });

  it("moves with the clock: the same plan one day later is the same data one day later", () => {
    const later = planCompany({ ...optsA, now: new Date(NOW.getTime() + DAY_MS) });
    expect(later.appointments.map((x) => x.startsAt.getTime() - DAY_MS)).toEqual(a.appointments.map((x) => x.startsAt.getTime()));
  });

  it("plans the requested patients with valid data", () => {
    expect(a.patients).toHaveLength(620);
    for (const p of a.patients) {
      expect(p.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      if (p.mobile !== null) expect(p.mobile).toMatch(MAINLAND_MOBILE_RE);
      expect(p.registered).toBe(p.medicalRecordNo !== null);
      for (const t of p.tags) expect(PATIENT_TAGS).toContain(t);
      expect(p.createdAt.getTime()).toBeLessThan(NOW.getTime());
      expect(p.createdAt.getTime()).toBeGreaterThan(NOW.getTime() - 731 * DAY_MS);
    }
    const share = (f: (p: (typeof a.patients)[number]) => boolean) => a.patients.filter(f).length / a.patients.length;
    expect(share((p) => p.mobile === null)).toBeCloseTo(0.03, 2);
    expect(share((p) => !p.hasOwnMobile)).toBeCloseTo(0.05, 2);
    expect(share((p) => !p.registered)).toBeCloseTo(0.08, 2);
    expect(share((p) => p.gender === "male")).toBeGreaterThan(0.35);
    expect(share((p) => p.gender === "female")).toBeGreaterThan(0.45);
  });

  it("gives unique 病历号 of the form clinic code + yyyymm + sequence", () => {
    const nos = a.patients.flatMap((p) => (p.medicalRecordNo ? [p.medicalRecordNo] : []));
    expect(new Set(nos).size).toBe(nos.length);
    for (const no of nos) expect(no).toMatch(/^(JA|XH|PD)20\d{4}\d{4}$/);
  });

  it("puts the DNC numbers on some patients of company a only", () => {
    const mobiles = new Set(a.patients.map((p) => p.mobile));
    expect(mobiles).toContain("15888888888");
    expect(mobiles).toContain("13912345678");
    const b = planCompany(optsB);
    expect(b.patients.map((p) => p.mobile)).not.toContain("15888888888");
  });

  it("books at least 30 appointments tomorrow between 09:00 and 18:00 Shanghai", () => {
    const from = shanghaiDayStart(NOW, 1).getTime();
    const tomorrow = a.appointments.filter((x) => x.startsAt.getTime() >= from && x.startsAt.getTime() < from + DAY_MS);
    expect(tomorrow.length).toBeGreaterThanOrEqual(30);
    for (const x of tomorrow) {
      const { hour } = shanghaiParts(x.startsAt);
      expect(hour).toBeGreaterThanOrEqual(9);
      expect(hour).toBeLessThan(18);
      expect(x.status).toBe("scheduled");
    }
    // Including the edge cases the call-task creation checks reject.
    const patients = tomorrow.map((x) => a.patients[x.patientIdx]!);
    expect(patients.some((p) => p.mobile === null)).toBe(true);
    expect(patients.some((p) => !p.registered)).toBe(true);
    expect(patients.some((p) => !p.hasOwnMobile)).toBe(true);
  });

  it("keeps appointment statuses consistent with the clock", () => {
    for (const x of a.appointments) {
      if (x.status === "scheduled") expect(x.startsAt.getTime()).toBeGreaterThan(NOW.getTime());
      else expect(x.startsAt.getTime()).toBeLessThan(NOW.getTime());
      expect(x.createdAt.getTime()).toBeLessThanOrEqual(Math.min(x.startsAt.getTime(), NOW.getTime()));
      expect(x.startsAt.getTime()).toBeGreaterThanOrEqual(a.patients[x.patientIdx]!.createdAt.getTime());
    }
    const future = a.appointments.filter((x) => x.startsAt.getTime() > NOW.getTime());
    expect(future.every((x) => x.startsAt.getTime() < shanghaiDayStart(NOW, 15).getTime())).toBe(true);
    const statuses = new Set(a.appointments.map((x) => x.status));
    expect([...statuses].sort()).toEqual(["arrived", "cancelled", "missed", "scheduled"]);
    expect(a.visits.length).toBe(a.appointments.filter((x) => x.status === "arrived").length);
  });

  it("plans 划扣 in the last 90 days, expiring benefits and follow-ups", () => {
    expect(a.deductions.length).toBeGreaterThan(50);
    for (const d of a.deductions) {
      expect(NOW.getTime() - d.performedAt.getTime()).toBeLessThanOrEqual(91 * DAY_MS);
      expect(d.performedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(d.amountCents).toBeGreaterThan(0);
    }
    const soon = a.benefits.filter(
      (b) => !b.usedAt && b.expiresAt.getTime() > NOW.getTime() && b.expiresAt.getTime() <= NOW.getTime() + 30 * DAY_MS,
    );
    expect(soon.length).toBeGreaterThan(20);
    const byStatus = (s: string) => a.followUps.filter((f) => f.status === s);
    expect(byStatus("done").length).toBeGreaterThan(10);
    expect(byStatus("pending").length).toBeGreaterThan(10);
    for (const f of byStatus("done")) expect(f.result).toBeTruthy();
    for (const f of a.followUps) {
      expect(f.executorIdx).not.toBeNull();
      expect(a.staff[f.executorIdx!]!.role).toBe("consultant");
    }
    expect(new Set(a.followUps.map((f) => f.kind))).toEqual(new Set(["revisit", "visit"]));
  });

  it("assigns consultants from the patient's clinic", () => {
    for (const p of a.patients) {
      if (p.consultantIdx !== null) {
        const s = a.staff[p.consultantIdx]!;
        expect(s.role).toBe("consultant");
        expect(s.clinicIdx).toContain(p.clinicIdx);
      }
      if (p.onlineConsultantIdx !== null) {
        const s = a.staff[p.onlineConsultantIdx]!;
        expect(s.role).toBe("onlineConsultant");
        expect(s.clinicIdx).toContain(p.clinicIdx);
      }
    }
  });

  it("plans staff, templates, balances and the qualification", () => {
    expect(a.staff.map((s) => s.role)).toEqual([
      "companyAdmin",
      "clinicAdmin",
      "frontDesk",
      "consultant",
      "consultant",
      "consultant",
      "onlineConsultant",
      "onlineConsultant",
    ]);
    expect(a.clinics.map((c) => c.opened)).toEqual([true, true, false]);
    expect(a.qualification).not.toBeNull();
    expect(planCompany(optsB).qualification).toBeNull();
    expect(a.smsTemplates.map((t) => t.status)).toEqual(["approved", "approved", "pending", "rejected"]);
    expect(a.smsTemplates.find((t) => t.status === "rejected")?.rejectReason).toBeTruthy();
    expect(a.openingBalance).toMatchObject({ callMinutes: 5000, sms: 2000 });
  });

  it("works for tiny companies and one clinic", () => {
    const tiny = planCompany({ key: "t", name: "小诊所", clinics: [{ name: "小诊所", shortName: "小诊所", address: "上海" }], patients: 5, now: NOW });
    expect(tiny.patients).toHaveLength(5);
    expect(tiny.staff.filter((s) => s.role === "consultant").every((s) => s.clinicIdx.includes(0))).toBe(true);
    const none = planCompany({ ...optsB, patients: 0 });
    expect(none.patients).toHaveLength(0);
    expect(none.appointments).toHaveLength(0);
  });
});
