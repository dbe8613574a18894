import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ViewerCache } from "@/server/auth/viewer-cache";
import { createPrismaClient } from "@/server/db/create-client";
import { notificationListener } from "@/server/db/notifications";
import { revokeSessions } from "@/server/services/auth/revoke-sessions";
import { seeded } from "./fixtures";

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
    await otherProcess.userClinic.delete({ where: { userId_clinicId: { userId: user.id, clinicId } } });
    expect((await eventually(() => cache.get(user.id, sessionVersion), (v) => !v?.clinicIds.includes(clinicId)))?.clinicIds).not.toContain(clinicId);
    await otherProcess.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await eventually(() => cache.get(user.id, sessionVersion), (v) => v === null)).toBeNull();
  });
});
