import { describe, expect, it } from "vitest";
import { callerFor, seeded, testDb } from "./fixtures";

describe("tenancy", () => {
  it("refuses a company-B user reading a company-A patient by id, exactly as for a missing id", async () => {
    const s = await seeded();
    const patientA = await testDb().patient.findFirstOrThrow({ where: { companyId: s.a.company.id } });
    const asB = await callerFor(s.b.admin.id);
    await expect(asB.patients.byId({ id: patientA.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asB.patients.byId({ id: "does-not-exist" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const asA = await callerFor(s.a.admin.id);
    await expect(asA.patients.byId({ id: patientA.id })).resolves.toMatchObject({ id: patientA.id });
  });

  it("lists only the caller's company patients, and only the allowed clinics", async () => {
    const s = await seeded();
    const asB = await callerFor(s.b.admin.id);
    const listB = await asB.patients.list({ pageSize: 100 });
    expect(listB.total).toBe(await testDb().patient.count({ where: { companyId: s.b.company.id } }));

    const asClinicAdmin = await callerFor(s.a.clinicAdmin.id);
    const allowed = (await testDb().userClinic.findMany({ where: { userId: s.a.clinicAdmin.id } })).map((uc) => uc.clinicId);
    const list = await asClinicAdmin.patients.list({ pageSize: 100 });
    expect(list.total).toBe(await testDb().patient.count({ where: { companyId: s.a.company.id, clinicId: { in: allowed } } }));
    expect(list.total).toBeLessThan(await testDb().patient.count({ where: { companyId: s.a.company.id } }));
    // Asking for another clinic by filter gives nothing rather than its patients.
    const other = s.a.company.clinics.find((c) => !allowed.includes(c.id))!;
    expect((await asClinicAdmin.patients.list({ clinicId: other.id })).total).toBe(0);
  });

  it("refuses editing another company's clinic", async () => {
    const s = await seeded();
    const asB = await callerFor(s.b.admin.id);
    const clinicA = s.a.company.clinics[0]!;
    await expect(
      asB.clinics.update({ id: clinicA.id, name: "x", shortName: "x", address: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const unchanged = await testDb().clinic.findUniqueOrThrow({ where: { id: clinicA.id } });
    expect(unchanged.shortName).toBe(clinicA.shortName);
  });

  it("refuses a role of another company", async () => {
    const s = await seeded();
    const roleA = await testDb().role.findFirstOrThrow({ where: { companyId: s.a.company.id, key: "frontDesk" } });
    const asB = await callerFor(s.b.admin.id);
    await expect(asB.roles.setPermission({ roleId: roleA.id, permission: "outbound.view", granted: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
