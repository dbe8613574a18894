import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { OutboundAccessCache } from "@/server/auth/outbound-access-cache";
import { ViewerCache } from "@/server/auth/viewer-cache";
import { scopeOf } from "@/server/domain/auth/scope";
import { clinicFilter } from "@/server/services/tenancy/clinic-filter";
import { createPrismaClient } from "@/server/db/create-client";
import { notificationListener } from "@/server/db/notifications";
import { revokeSessions } from "@/server/services/auth/revoke-sessions";
import { seeded } from "./fixtures";
import { createFreshCompany } from "./onboarding-fixtures";

/**
 * Issue 29: each app process caches viewers; triggers on User / UserClinic / RolePermission / Clinic notify
 * `viewer_changed`, so a change written by another process (its own connection) reaches this process's cache at once —
 * long before the TTL (60 s here) — and logout / 强制下线 (issue 23) still ends the session everywhere.
 */
const url = () => inject("databaseUrl");
const pageProcess = createPrismaClient(url());
const otherProcess = createPrismaClient(url());
let cache: ViewerCache;
let user: { id: string };

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 2_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() - started > ms) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  // A user and role of their own: other files share this database and the seeded users.
  const { a } = await seeded();
  const permissions = await otherProcess.rolePermission.findMany({ where: { roleId: a.clinicAdmin.roleId! } });
  const role = await otherProcess.role.create({
    data: { companyId: a.company.id, key: "clinicAdmin", name: "缓存测试角色", isSystem: false, permissions: { create: permissions.map((p) => ({ permission: p.permission })) } },
  });
  user = await otherProcess.user.create({
    data: { companyId: a.company.id, roleId: role.id, name: "缓存测试", passwordHash: "x", userClinics: { create: a.company.clinics.slice(0, 2).map((c) => ({ clinicId: c.id })) } },
  });
  const listener = notificationListener(url())!;
  cache = new ViewerCache(pageProcess, listener, 60_000);
  // The LISTEN connection opens on the first subscriber (the cache's).
  await eventually(async () => listener.live, Boolean, 10_000);
  expect(listener.live).toBe(true);
});
afterAll(async () => {
  await pageProcess.$disconnect();
  await otherProcess.$disconnect();
});

describe("the per-process viewer cache", () => {
  it("answers a repeated request from memory: a change that notifies nobody is not seen until the TTL", async () => {
    const { sessionVersion, name } = await otherProcess.user.findUniqueOrThrow({ where: { id: user.id } });
    expect((await cache.get(user.id, sessionVersion))?.name).toBe(name);
    // With triggers off for this transaction only (session_replication_role), the rename sends no notification.
    await otherProcess.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
      await tx.user.update({ where: { id: user.id }, data: { name: `${name}（未通知）` } });
    });
    await new Promise((r) => setTimeout(r, 300));
    expect((await cache.get(user.id, sessionVersion))?.name).toBe(name);
    // A notifying write of the same row (any column) drops the entry: the fresh row is read.
    await otherProcess.user.update({ where: { id: user.id }, data: { name } });
    expect((await eventually(() => cache.get(user.id, sessionVersion), (v) => v?.name === name))?.name).toBe(name);
  });

  it("a logout / 强制下线 on another process ends the session here within 2 s; the new session works", async () => {
    const { sessionVersion } = await otherProcess.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await cache.get(user.id, sessionVersion)).not.toBeNull();
    await revokeSessions(otherProcess, user.id);
    expect(await eventually(() => cache.get(user.id, sessionVersion), (v) => v === null)).toBeNull();
    expect((await cache.get(user.id, sessionVersion + 1))?.userId).toBe(user.id);
  });

  it("a role's permission removed, a clinic assignment changed and a deactivation reach the cached viewer", async () => {
    const { sessionVersion, roleId } = await otherProcess.user.findUniqueOrThrow({ where: { id: user.id } });
    const before = (await cache.get(user.id, sessionVersion))!;
    const permission = [...before.permissions][0]!;
    const clinicId = before.clinicIds[0]!;
    await otherProcess.rolePermission.delete({ where: { roleId_permission: { roleId: roleId!, permission } } });
    expect((await eventually(() => cache.get(user.id, sessionVersion), (v) => !v?.permissions.has(permission)))?.permissions.has(permission)).toBe(false);
    // A clinic change ends the user's sessions (issue 23's trigger bumps sessionVersion): the old session loads nothing,
    // a new one sees the clinics without it.
    await otherProcess.userClinic.delete({ where: { userId_clinicId: { userId: user.id, clinicId } } });
    expect(await eventually(() => cache.get(user.id, sessionVersion), (v) => v === null)).toBeNull();
    const { sessionVersion: next } = await otherProcess.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(next).toBeGreaterThan(sessionVersion);
    expect((await cache.get(user.id, next))?.clinicIds).not.toContain(clinicId);
    await otherProcess.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await eventually(() => cache.get(user.id, next), (v) => v === null)).toBeNull();
  });
});

describe("what a request reads from the caches instead of the database (issue 29)", () => {
  it("clinicFilter decides from the cached viewer's company clinics as the counts did, and a clinic added reaches it", async () => {
    const fresh = await createFreshCompany("viewer-cache-clinics");
    const whole = async (userId: string) => {
      const { sessionVersion } = await otherProcess.user.findUniqueOrThrow({ where: { id: userId } });
      const viewer = (await cache.get(userId, sessionVersion))!;
      const scope = scopeOf({ ...viewer, companyId: viewer.companyId! });
      expect(scope.companyClinicIds).toBeDefined();
      // The counting path (a scope without the company's clinics) is the reference.
      const counted = await clinicFilter(pageProcess, { companyId: scope.companyId, clinicIds: scope.clinicIds });
      const fromViewer = await clinicFilter(pageProcess, scope);
      expect(fromViewer).toEqual(counted);
      return fromViewer;
    };
    expect(await whole(fresh.admin.id)).toBeUndefined(); // sees every clinic: no clinic condition
    expect(await whole(fresh.clinicAdmin.id)).toEqual({ in: expect.any(Array) });
    // A user assigned every clinic one by one sees the whole company too — until the company opens another clinic.
    const user = await otherProcess.user.create({
      data: { companyId: fresh.companyId, roleId: (await otherProcess.user.findUniqueOrThrow({ where: { id: fresh.clinicAdmin.id } })).roleId, name: "全部门店", passwordHash: "x", userClinics: { create: fresh.clinicIds.map((clinicId) => ({ clinicId })) } },
    });
    expect(await whole(user.id)).toBeUndefined();
    const company = await otherProcess.company.findUniqueOrThrow({ where: { id: fresh.companyId }, include: { clinics: true } });
    const template = company.clinics[0]!;
    await otherProcess.clinic.create({ data: { companyId: fresh.companyId, name: `${template.name}-新店`, shortName: "新店", address: template.address, timezone: template.timezone } });
    const { sessionVersion } = await otherProcess.user.findUniqueOrThrow({ where: { id: user.id } });
    await eventually(() => cache.get(user.id, sessionVersion), (v) => v?.companyClinicIds?.length === fresh.clinicIds.length + 1);
    expect((await whole(user.id))?.in.toSorted()).toEqual(fresh.clinicIds.toSorted());
  });

  it("a company's 智能外呼 access is cached, and an application submitted, approved or revoked reaches the cache at once", async () => {
    const fresh = await createFreshCompany("outbound-access-cache");
    const listener = notificationListener(url())!;
    const access = new OutboundAccessCache(pageProcess, listener, 60_000);
    await otherProcess.qualificationApplication.deleteMany({ where: { companyId: fresh.companyId } });
    expect(await access.get(fresh.companyId)).toBe("notApplied");
    const application = await otherProcess.qualificationApplication.create({
      data: { companyId: fresh.companyId, applicantName: "李娜", applicantMobile: "13912345670", companyName: "测试口腔连锁", status: "pending" },
    });
    expect(await eventually(() => access.get(fresh.companyId), (v) => v === "pending")).toBe("pending");
    // Without the trigger (this transaction only) the change is not seen until the TTL: the answer really is cached.
    await otherProcess.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
      await tx.qualificationApplication.update({ where: { id: application.id }, data: { status: "approved" } });
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await access.get(fresh.companyId)).toBe("pending");
    await otherProcess.qualificationApplication.update({ where: { id: application.id }, data: { status: "approved", reviewedAt: new Date() } });
    expect(await eventually(() => access.get(fresh.companyId), (v) => v === "approved")).toBe("approved");
    await otherProcess.qualificationApplication.update({ where: { id: application.id }, data: { status: "rejected", rejectReason: "撤销" } });
    expect(await eventually(() => access.get(fresh.companyId), (v) => v === "rejected")).toBe("rejected");
    await otherProcess.qualificationApplication.delete({ where: { id: application.id } });
    expect(await eventually(() => access.get(fresh.companyId), (v) => v === "notApplied")).toBe("notApplied");
  });
});
