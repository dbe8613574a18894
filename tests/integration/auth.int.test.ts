import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/services/auth/verify-credentials";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-password";
import { seeded, testDb } from "./fixtures";

describe("credentials sign-in", () => {
  it("accepts the mobile number or the e-mail with the right password, carrying company, role and clinics", async () => {
    const s = await seeded();
    const byMobile = await verifyCredentials(s.a.clinicAdmin.mobile!, DEMO_PASSWORD);
    expect(byMobile).toMatchObject({ id: s.a.clinicAdmin.id, companyId: s.a.company.id, roleKey: "clinicAdmin", isPlatformAdmin: false });
    const allowed = (await testDb().userClinic.findMany({ where: { userId: s.a.clinicAdmin.id } })).map((u) => u.clinicId);
    expect(byMobile!.clinicIds.sort()).toEqual(allowed.sort());

    const byEmail = await verifyCredentials(s.a.admin.email!.toUpperCase(), DEMO_PASSWORD);
    expect(byEmail).toMatchObject({ id: s.a.admin.id });
    expect(byEmail!.clinicIds).toHaveLength(s.a.company.clinics.length);
  });

  it("refuses a wrong password, an unknown account and a deactivated user", async () => {
    const s = await seeded();
    expect(await verifyCredentials(s.a.admin.email!, "wrong-password")).toBeNull();
    expect(await verifyCredentials("13000000001", DEMO_PASSWORD)).toBeNull();
    await testDb().user.update({ where: { id: s.a.consultant.id }, data: { active: false } });
    try {
      expect(await verifyCredentials(s.a.consultant.email!, DEMO_PASSWORD)).toBeNull();
    } finally {
      await testDb().user.update({ where: { id: s.a.consultant.id }, data: { active: true } });
    }
  });
});
