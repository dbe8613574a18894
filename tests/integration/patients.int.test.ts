import { describe, expect, it } from "vitest";
import { callerFor, seeded, testDb } from "./fixtures";

describe("patient list", () => {
  it("paginates on the server with a stable total", async () => {
    const s = await seeded();
    const asAdmin = await callerFor(s.a.admin.id);
    const first = await asAdmin.patients.list({ page: 1, pageSize: 20 });
    const second = await asAdmin.patients.list({ page: 2, pageSize: 20 });
    expect(first.items).toHaveLength(20);
    expect(second.total).toBe(first.total);
    expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(40);
  });

  it("searches by name, by mobile and by 病历号", async () => {
    const s = await seeded();
    const asAdmin = await callerFor(s.a.admin.id);
    const target = await testDb().patient.findFirstOrThrow({
      where: { companyId: s.a.company.id, mobile: { not: null }, medicalRecordNo: { not: null } },
    });
    for (const q of [target.name, target.mobile!, target.medicalRecordNo!]) {
      const res = await asAdmin.patients.list({ q, pageSize: 100 });
      expect(res.items.map((p) => p.id)).toContain(target.id);
      expect(res.total).toBeLessThan(await testDb().patient.count({ where: { companyId: s.a.company.id } }));
    }
  });

  it("takes % and _ in a search literally, not as wildcards (issue 23)", async () => {
    const s = await seeded();
    const asAdmin = await callerFor(s.a.admin.id);
    const clinicId = s.a.company.clinics[0]!.id;
    const odd = await testDb().patient.create({ data: { companyId: s.a.company.id, clinicId, name: "百分_患者%" } });
    try {
      expect((await asAdmin.patients.list({ q: "_", pageSize: 100 })).items.map((p) => p.id)).toEqual([odd.id]);
      expect((await asAdmin.patients.list({ q: "%", pageSize: 100 })).items.map((p) => p.id)).toEqual([odd.id]);
      expect((await asAdmin.patients.list({ q: "百分_患", pageSize: 100 })).total).toBe(1);
    } finally {
      await testDb().patient.delete({ where: { id: odd.id } });
    }
  });

  it("filters by clinic and by consultant", async () => {
    const s = await seeded();
    const asAdmin = await callerFor(s.a.admin.id);
    const clinic = s.a.company.clinics[1]!;
    const byClinic = await asAdmin.patients.list({ clinicId: clinic.id, pageSize: 100 });
    expect(byClinic.total).toBe(await testDb().patient.count({ where: { clinicId: clinic.id } }));
    expect(byClinic.items.every((p) => p.clinic.id === clinic.id)).toBe(true);

    const byConsultant = await asAdmin.patients.list({ consultantId: s.a.consultant.id, pageSize: 100 });
    expect(byConsultant.total).toBeGreaterThan(0);
    expect(byConsultant.items.every((p) => p.consultant?.id === s.a.consultant.id)).toBe(true);
  });

  it("masks mobile numbers for roles without 查看完整手机号", async () => {
    const s = await seeded();
    const [asFrontDesk, asAdmin] = await Promise.all([callerFor(s.a.frontDesk.id), callerFor(s.a.admin.id)]);
    const masked = await asFrontDesk.patients.list({ pageSize: 50 });
    const withMobile = masked.items.filter((p) => p.mobile);
    expect(withMobile.length).toBeGreaterThan(0);
    expect(withMobile.every((p) => /^1\d{2}\*{4}\d{4}$/.test(p.mobile))).toBe(true);
    const full = await asAdmin.patients.list({ pageSize: 50 });
    expect(full.items.filter((p) => p.mobile).every((p) => /^1[3-9]\d{9}$/.test(p.mobile))).toBe(true);
  });
});

describe("clinic info", () => {
  it("updates 诊所简称 and 地址, validates input, and audits the change", async () => {
    const s = await seeded();
    const asAdmin = await callerFor(s.a.admin.id);
    const clinic = s.a.company.clinics[2]!;
    await expect(asAdmin.clinics.update({ id: clinic.id, name: clinic.name, shortName: "", address: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const updated = await asAdmin.clinics.update({ id: clinic.id, name: clinic.name, shortName: "新简称", address: "上海市浦东新区世纪大道100号" });
    expect(updated.shortName).toBe("新简称");
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { targetId: clinic.id, action: "clinic.update" } });
    expect(audit.data).toMatchObject({ before: { shortName: clinic.shortName }, after: { shortName: "新简称" } });
    await asAdmin.clinics.update({ id: clinic.id, name: clinic.name, shortName: clinic.shortName, address: clinic.address });
  });

  it("refuses clinic editing to roles without 门诊信息管理", async () => {
    const s = await seeded();
    const asFrontDesk = await callerFor(s.a.frontDesk.id);
    const clinic = s.a.company.clinics[0]!;
    await expect(asFrontDesk.clinics.update({ id: clinic.id, name: "x", shortName: "x", address: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
