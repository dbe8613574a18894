import { afterEach, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-password";
import { attemptSignIn, signInLockedUntil } from "@/server/services/auth/attempt-sign-in";
import { seeded, testDb } from "./fixtures";

const t0 = new Date("2026-12-01T02:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;

afterEach(async () => {
  await testDb().loginThrottle.deleteMany({});
});

describe("login throttling (PostgreSQL)", () => {
  it("locks an account after five wrong passwords, refuses even the right one until the lock ends, then signs in and resets", async () => {
    const s = await seeded();
    const db = testDb();
    const email = s.a.clinicAdmin.email!;
    for (let i = 0; i < 5; i++) expect(await attemptSignIn(db, { account: email, password: "wrong", ip: "10.0.0.1" }, at(i * 1000))).toEqual({ ok: false, reason: "invalid" });

    const refused = await attemptSignIn(db, { account: email.toUpperCase(), password: DEMO_PASSWORD, ip: "10.0.0.2" }, at(30_000));
    expect(refused).toEqual({ ok: false, reason: "locked", retryAt: at(4000 + MIN) });
    expect(await signInLockedUntil(db, { account: email, ip: null }, at(30_000))).toEqual(at(4000 + MIN));

    const ok = await attemptSignIn(db, { account: email, password: DEMO_PASSWORD, ip: "10.0.0.2" }, at(4000 + MIN));
    expect(ok).toMatchObject({ ok: true, user: { id: s.a.clinicAdmin.id } });
    expect(await db.loginThrottle.findUnique({ where: { key: `account:${email}` } })).toBeNull();

    const audit = await db.auditLog.findMany({ where: { targetId: s.a.clinicAdmin.id, action: { startsWith: "auth.login." }, createdAt: { gte: new Date(Date.now() - 60_000) } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([...Array(5).fill("auth.login.failed"), "auth.login.locked"]);
    expect(audit.every((a) => a.companyId === s.a.company.id)).toBe(true);
    expect(audit[4]!.data).toMatchObject({ failures: 5, lockedUntil: at(4000 + MIN).toISOString(), ip: "10.0.0.1" });
  });

  it("doubles the lock for each further failure after it ends", async () => {
    const s = await seeded();
    const db = testDb();
    const account = s.a.consultant.mobile!;
    let now = t0;
    for (let i = 0; i < 5; i++) await attemptSignIn(db, { account, password: "wrong", ip: null }, now);
    now = (await signInLockedUntil(db, { account, ip: null }, now))!;
    await attemptSignIn(db, { account: `+86 ${account}`, password: "wrong", ip: null }, now);
    expect(await signInLockedUntil(db, { account, ip: null }, now)).toEqual(new Date(now.getTime() + 2 * MIN));
  });

  it("locks an IP address spraying many accounts, without locking those accounts for other addresses", async () => {
    const s = await seeded();
    const db = testDb();
    for (let i = 0; i < 20; i++) await attemptSignIn(db, { account: `nobody${i}@x.test`, password: "wrong", ip: "203.0.113.9" }, at(i));
    const fromSprayer = await attemptSignIn(db, { account: s.a.admin.email!, password: DEMO_PASSWORD, ip: "203.0.113.9" }, at(100));
    expect(fromSprayer).toMatchObject({ ok: false, reason: "locked" });
    const elsewhere = await attemptSignIn(db, { account: s.a.admin.email!, password: DEMO_PASSWORD, ip: "198.51.100.1" }, at(100));
    expect(elsewhere).toMatchObject({ ok: true });
    const unknown = await db.auditLog.findFirst({ where: { action: "auth.login.failed", data: { path: ["account"], equals: "nobody0@x.test" } } });
    expect(unknown).toMatchObject({ companyId: null, targetId: null });
  });

  it("counts concurrent failures exactly once each (row lock), as two app instances would", async () => {
    const db = testDb();
    await Promise.all(Array.from({ length: 8 }, () => attemptSignIn(db, { account: "race@x.test", password: "wrong", ip: null }, t0)));
    const row = await db.loginThrottle.findUniqueOrThrow({ where: { key: "account:race@x.test" } });
    // Without the row lock, concurrent read-modify-writes would lose counts (and never lock). Failures that arrive after
    // the fifth locked the account are not counted (they would not have been checked had they come a moment later).
    expect(row.failures).toBe(5);
    expect(row.lockedUntil).toEqual(new Date(t0.getTime() + MIN));
  });
});
