import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/server/db/create-client";
import { claimCompanyTasks } from "@/server/services/dialer/claim-due-tasks";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { CLAIM_SLICE } from "@/server/services/dialer/dialer-settings";
import { inject } from "vitest";
import { testDb } from "./fixtures";
import { createDialerCompany, createPatients, createScript, FakeCarrier, minutes, shanghai } from "./dialer-fixtures";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";

async function queue(companyId: string, scriptId: string, patientIds: string[], now: Date) {
  const db = testDb();
  return db.$transaction(async (tx) => {
    const script = (await loadScriptForTasks(tx, companyId, scriptId))!;
    return insertCallTasks(tx, { companyId, script, seeds: patientIds.map((patientId) => ({ patientId })), source: "batch", now });
  });
}

describe("the hopper claims due tasks within seats and throttle", () => {
  let company: Awaited<ReturnType<typeof createDialerCompany>>;
  beforeAll(async () => {
    company = await createDialerCompany("claim", { seatsPerScript: 3, dialsPerMinuteScript: 5, seatLimit: 5 });
  });

  it("claims at most a script's free seats, then the company's, then the per-minute throttle", async () => {
    const db = testDb();
    const t0 = shanghai(10);
    const s1 = await createScript(company.companyId, company.clinicIds);
    const s2 = await createScript(company.companyId, company.clinicIds);
    const p1 = await createPatients(company.companyId, company.clinicIds[0]!, 6);
    const p2 = await createPatients(company.companyId, company.clinicIds[1]!, 6);
    await queue(company.companyId, s1.id, p1.map((p) => p.id), t0);
    await queue(company.companyId, s2.id, p2.map((p) => p.id), t0);

    const first = await runDialerTick(db, { now: t0, workerId: "w1", companyId: company.companyId });
    const per = (scriptId: string) => first.claimed.filter((c) => c.scriptId === scriptId).length;
    // 3 seats per script, 5 for the company: 3 + 2.
    expect(first.claimed).toHaveLength(5);
    expect(per(s1.id) + per(s2.id)).toBe(5);
    expect(Math.max(per(s1.id), per(s2.id))).toBe(3);
    expect(await db.callTask.count({ where: { companyId: company.companyId, status: "dialing" } })).toBe(5);

    // Nothing frees a seat: a second tick claims nothing.
    expect((await runDialerTick(db, { now: minutes(t0, 1), workerId: "w1", companyId: company.companyId })).claimed).toHaveLength(0);

    // Place and finish every call: seats free up, but the throttle still counts the 5 dials of the last minute.
    const carrier = new FakeCarrier();
    for (const c of first.claimed) expect((await placeClaimedCall(db, carrier, c, t0)).status).toBe("placed");
    await db.callTask.updateMany({ where: { id: { in: first.claimed.map((c) => c.taskId) } }, data: { status: "ended" } });
    const sameMinute = await runDialerTick(db, { now: minutes(t0, 0.5), workerId: "w1", companyId: company.companyId });
    const s1Recent = first.claimed.filter((c) => c.scriptId === s1.id).length;
    expect(sameMinute.claimed.filter((c) => c.scriptId === s1.id).length).toBe(Math.min(3, 5 - s1Recent));
    const later = await runDialerTick(db, { now: minutes(t0, 2), workerId: "w1", companyId: company.companyId });
    expect(sameMinute.claimed.length + later.claimed.length).toBeGreaterThan(0);
    const claimedIds = [...first.claimed, ...sameMinute.claimed, ...later.claimed].map((c) => c.taskId);
    expect(new Set(claimedIds).size).toBe(claimedIds.length);
  });

  it("two workers claiming at once never take the same task or exceed the seats", async () => {
    const own = await createDialerCompany("race", { seatsPerScript: 20, seatLimit: 30, dialsPerMinuteScript: 60 });
    const t0 = shanghai(11);
    const scripts = [await createScript(own.companyId, own.clinicIds), await createScript(own.companyId, own.clinicIds)];
    for (const s of scripts) {
      const patients = await createPatients(own.companyId, own.clinicIds[0]!, 40);
      await queue(own.companyId, s.id, patients.map((p) => p.id), t0);
    }
    // Separate clients: separate connections, really concurrent transactions.
    const a = createPrismaClient(inject("databaseUrl"));
    const b = createPrismaClient(inject("databaseUrl"));
    try {
      const ids = scripts.map((s) => s.id);
      const results = await Promise.all([
        claimCompanyTasks(a, own.companyId, ids, { now: t0, workerId: "A" }),
        claimCompanyTasks(b, own.companyId, ids, { now: t0, workerId: "B" }),
        claimCompanyTasks(a, own.companyId, ids, { now: t0, workerId: "A2" }),
        claimCompanyTasks(b, own.companyId, ids, { now: t0, workerId: "B2" }),
      ]);
      const claimed = results.flatMap((r) => r.claimed);
      expect(new Set(claimed.map((c) => c.taskId)).size).toBe(claimed.length);
      expect(claimed).toHaveLength(30);
      for (const s of scripts) expect(claimed.filter((c) => c.scriptId === s.id).length).toBeLessThanOrEqual(20);
      const dialing = await testDb().callTask.findMany({ where: { companyId: own.companyId, status: "dialing" }, select: { id: true, claimedBy: true } });
      expect(dialing).toHaveLength(30);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
  });
});

describe("a tick claims a busy company in slices", () => {
  it("of at most CLAIM_SLICE claims per transaction, one after another, within every script's seats", async () => {
    const db = testDb();
    // 5 scripts × 50 seats (the product's), 60 a minute: 250 claimable of 300 due → a full slice of 200, then 50.
    const own = await createDialerCompany("claim-slices");
    const t0 = shanghai(10, 11);
    const scripts = [];
    for (let i = 0; i < 5; i++) {
      const script = await createScript(own.companyId, own.clinicIds);
      const patients = await createPatients(own.companyId, own.clinicIds[0]!, 60);
      await queue(own.companyId, script.id, patients.map((p) => p.id), t0);
      scripts.push(script.id);
    }
    expect(await db.callTask.count({ where: { companyId: own.companyId, status: "pending" } })).toBe(300);
    const slices: number[] = [];
    const tick = await runDialerTick(db, {
      now: t0,
      workerId: "w",
      companyId: own.companyId,
      claim: async (d, companyId, scriptIds, opts) => {
        expect(opts.maxClaims).toBe(CLAIM_SLICE);
        const stats = await claimCompanyTasks(d, companyId, scriptIds, opts);
        slices.push(stats.claimed.length);
        return stats;
      },
    });
    expect(slices).toEqual([CLAIM_SLICE, 250 - CLAIM_SLICE]);
    expect(new Set(tick.claimed.map((c) => c.taskId)).size).toBe(250);
    for (const id of scripts) expect(tick.claimed.filter((c) => c.scriptId === id)).toHaveLength(50);
    expect(await db.callTask.count({ where: { companyId: own.companyId, status: "dialing" } })).toBe(250);
  });
});
