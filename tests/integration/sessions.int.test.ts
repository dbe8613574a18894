import { beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "@/server/services/auth/load-viewer";
import { revokeSessions } from "@/server/services/auth/revoke-sessions";
import { seeded, testDb } from "./fixtures";

/** Issue 23, finding 5: a session token stops working once the user's sessions are revoked (logout, 强制下线). */
let userId: string;
beforeAll(async () => {
  userId = (await seeded()).a.frontDesk.id;
});

describe("session versions", () => {
  it("a token issued before revokeSessions loads no viewer; one issued after does", async () => {
    const db = testDb();
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
    expect((await loadViewer(db, userId, sessionVersion))?.userId).toBe(userId);
    await revokeSessions(db, userId);
    expect(await loadViewer(db, userId, sessionVersion)).toBeNull();
    expect((await loadViewer(db, userId, sessionVersion + 1))?.userId).toBe(userId);
  });
});

/** Issue 23: a password, role or clinic-assignment change ends the user's existing sessions (a trigger on User / UserClinic). */
describe("changes that end sessions", () => {
  const version = async (id: string) => (await testDb().user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;

  async function expectEnds(id: string, change: () => Promise<unknown>) {
    const before = await version(id);
    expect((await loadViewer(testDb(), id, before))?.userId).toBe(id);
    await change();
    expect(await version(id)).toBeGreaterThan(before);
    expect(await loadViewer(testDb(), id, before)).toBeNull();
    expect((await loadViewer(testDb(), id, await version(id)))?.userId).toBe(id);
  }

  it("a password change", async () => {
    await expectEnds(userId, () => testDb().user.update({ where: { id: userId }, data: { passwordHash: `changed-${Date.now()}` } }));
  });

  it("a role change", async () => {
    const db = testDb();
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { companyId: true, roleId: true } });
    const other = await db.role.findFirstOrThrow({ where: { companyId: user.companyId!, NOT: { id: user.roleId! } }, select: { id: true } });
    await expectEnds(userId, () => db.user.update({ where: { id: userId }, data: { roleId: other.id } }));
    await expectEnds(userId, () => db.user.update({ where: { id: userId }, data: { roleId: user.roleId } }));
  });

  it("a clinic added, removed, or company-wide access granted", async () => {
    const db = testDb();
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { companyId: true, allClinics: true, userClinics: { select: { clinicId: true } } } });
    const clinic = await db.clinic.findFirstOrThrow({ where: { companyId: user.companyId!, id: { notIn: user.userClinics.map((c) => c.clinicId) } }, select: { id: true } });
    await expectEnds(userId, () => db.userClinic.create({ data: { userId, clinicId: clinic.id } }));
    await expectEnds(userId, () => db.userClinic.delete({ where: { userId_clinicId: { userId, clinicId: clinic.id } } }));
    await expectEnds(userId, () => db.user.update({ where: { id: userId }, data: { allClinics: !user.allClinics } }));
    await db.user.update({ where: { id: userId }, data: { allClinics: user.allClinics } });
  });

  it("other edits (a name, the last-updated time) leave sessions alone", async () => {
    const before = await version(userId);
    await testDb().user.update({ where: { id: userId }, data: { name: "前台（改名）" } });
    expect(await version(userId)).toBe(before);
  });
});
