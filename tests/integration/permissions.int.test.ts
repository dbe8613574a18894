import { describe, expect, it } from "vitest";
import { anonymousCaller, callerFor, seeded, testDb } from "./fixtures";

describe("permission procedures", () => {
  it("refuses anonymous callers", async () => {
    await expect(anonymousCaller().patients.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses 智能外呼 procedures to front-desk staff without the permission", async () => {
    const s = await seeded();
    const asFrontDesk = await callerFor(s.a.frontDesk.id);
    await expect(asFrontDesk.outbound.overview()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asFrontDesk.roles.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const asAdmin = await callerFor(s.a.admin.id);
    await expect(asAdmin.outbound.overview()).resolves.toMatchObject({ limits: { seatLimit: 1000, seatsPerScript: 50 } });
  });

  it("refuses tenant procedures to a platform admin, who has no company", async () => {
    const s = await seeded();
    const asPlatform = await callerFor(s.platformAdmin.id);
    await expect(asPlatform.patients.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("applies a toggled role permission to that role's users at once, and audits it", async () => {
    const s = await seeded();
    const asAdmin = await callerFor(s.a.admin.id);
    const frontDeskRole = await testDb().role.findFirstOrThrow({ where: { companyId: s.a.company.id, key: "frontDesk" } });

    await asAdmin.roles.setPermission({ roleId: frontDeskRole.id, permission: "outbound.view", granted: true });
    await expect((await callerFor(s.a.frontDesk.id)).outbound.overview()).resolves.toBeTruthy();

    await asAdmin.roles.setPermission({ roleId: frontDeskRole.id, permission: "outbound.view", granted: false });
    await expect((await callerFor(s.a.frontDesk.id)).outbound.overview()).rejects.toMatchObject({ code: "FORBIDDEN" });

    const audits = await testDb().auditLog.findMany({ where: { targetId: frontDeskRole.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["role.permission.grant", "role.permission.revoke"]);
    expect(audits[0]!.actorId).toBe(s.a.admin.id);
  });

  it("does not let the company admin lock everyone out of role management", async () => {
    const s = await seeded();
    const asAdmin = await callerFor(s.a.admin.id);
    const adminRole = await testDb().role.findFirstOrThrow({ where: { companyId: s.a.company.id, key: "companyAdmin" } });
    await expect(asAdmin.roles.setPermission({ roleId: adminRole.id, permission: "roles.manage", granted: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("rejects unknown permission keys", async () => {
    const s = await seeded();
    const asAdmin = await callerFor(s.a.admin.id);
    const role = await testDb().role.findFirstOrThrow({ where: { companyId: s.a.company.id, key: "frontDesk" } });
    await expect(asAdmin.roles.setPermission({ roleId: role.id, permission: "platform.qualification.review", granted: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
