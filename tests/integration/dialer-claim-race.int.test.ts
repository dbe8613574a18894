import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createPrismaClient } from "@/server/db/create-client";
import { claimCompanyTasks } from "@/server/services/dialer/claim-due-tasks";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { testDb } from "./fixtures";
import { createDialerCompany, createPatients, createScript, FakeCarrier, shanghai } from "./dialer-fixtures";

/**
 * Two app processes, one database: claimer A takes its clock, then waits (a GC pause, a slow event loop) before it takes
 * the company lock; meanwhile claimer B claims, places and finishes its calls. A must still see B's dials of the
 * last minute (issue 13: 65 dials of one script in 6 s with a cap of 60).
 */
describe("two claimers with a delay between taking now and taking the lock", () => {
  it("never exceed the per-script throttle or the seats", async () => {
    const own = await createDialerCompany("race-clock", { seatsPerScript: 4, seatLimit: 50, dialsPerMinuteScript: 5 });
    const t0 = shanghai(10);
    const script = await createScript(own.companyId, own.clinicIds);
    const patients = await createPatients(own.companyId, own.clinicIds[0]!, 20);
    await testDb().$transaction(async (tx) => {
      const loaded = (await loadScriptForTasks(tx, own.companyId, script.id))!;
      await insertCallTasks(tx, { companyId: own.companyId, script: loaded, seeds: patients.map((p) => ({ patientId: p.id })), source: "batch", now: t0 });
    });

    const a = createPrismaClient(inject("databaseUrl"));
    const b = createPrismaClient(inject("databaseUrl"));
    const carrier = new FakeCarrier();
    try {
      let releaseA!: () => void;
      const bDone = new Promise<void>((resolve) => (releaseA = resolve));
      // A's clock reads t0; its lock comes only after B has dialed.
      const claimA = claimCompanyTasks(a, own.companyId, [script.id], { now: t0, workerId: "A", beforeLock: () => bDone });
      const tB = new Date(t0.getTime() + 2_000);
      const byB = await claimCompanyTasks(b, own.companyId, [script.id], { now: tB, workerId: "B" });
      expect(byB.claimed).toHaveLength(4); // the script's seats
      for (const claim of byB.claimed) expect((await placeClaimedCall(b, carrier, claim, tB)).status).toBe("placed");
      // B's calls end at once: their seats are free again, but the dials stay in the last minute.
      await b.callTask.updateMany({ where: { id: { in: byB.claimed.map((c) => c.taskId) } }, data: { status: "ended" } });
      releaseA();
      const byA = await claimA;

      // 5 dials a minute: B dialed 4, so A may take 1 (on today's code it counted none of B's and took 4 more).
      expect(byB.claimed.length + byA.claimed.length).toBeLessThanOrEqual(5);
      expect(byA.claimed).toHaveLength(1);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
  });

  it("never count the same free seat twice when the late claimer's clock is behind", async () => {
    const own = await createDialerCompany("race-seats", { seatsPerScript: 50, seatLimit: 6, dialsPerMinuteScript: 100 });
    const t0 = shanghai(11);
    const script = await createScript(own.companyId, own.clinicIds);
    const patients = await createPatients(own.companyId, own.clinicIds[0]!, 20);
    await testDb().$transaction(async (tx) => {
      const loaded = (await loadScriptForTasks(tx, own.companyId, script.id))!;
      await insertCallTasks(tx, { companyId: own.companyId, script: loaded, seeds: patients.map((p) => ({ patientId: p.id })), source: "batch", now: t0 });
    });
    const a = createPrismaClient(inject("databaseUrl"));
    const b = createPrismaClient(inject("databaseUrl"));
    const carrier = new FakeCarrier();
    try {
      let releaseA!: () => void;
      const bDone = new Promise<void>((resolve) => (releaseA = resolve));
      const claimA = claimCompanyTasks(a, own.companyId, [script.id], { now: t0, workerId: "A", beforeLock: () => bDone });
      const tB = new Date(t0.getTime() + 2_000);
      const byB = await claimCompanyTasks(b, own.companyId, [script.id], { now: tB, workerId: "B" });
      for (const claim of byB.claimed.slice(0, 3)) expect((await placeClaimedCall(b, carrier, claim, tB)).status).toBe("placed");
      releaseA();
      const byA = await claimA;
      expect(byB.claimed).toHaveLength(6);
      expect(byA.claimed).toHaveLength(0);
      expect(await testDb().callTask.count({ where: { companyId: own.companyId, status: { in: ["dialing", "inCall"] } } })).toBe(6);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
  });
});
