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
/**
 * One company with 20 due tasks of one script, and two claimers on their own connections: A takes its clock (`t0`) and
 * then waits for `lateA()` before it takes the lock; B claims at t0 + 2 s meanwhile.
 */
async function race(name: string, limits: Parameters<typeof createDialerCompany>[1], hour: number) {
  const own = await createDialerCompany(name, limits);
  const t0 = shanghai(hour);
  const script = await createScript(own.companyId, own.clinicIds);
  const patients = await createPatients(own.companyId, own.clinicIds[0]!, 20);
  await testDb().$transaction(async (tx) => {
    const loaded = (await loadScriptForTasks(tx, own.companyId, script.id))!;
    await insertCallTasks(tx, { companyId: own.companyId, script: loaded, seeds: patients.map((p) => ({ patientId: p.id })), source: "batch", now: t0 });
  });
  const a = createPrismaClient(inject("databaseUrl"));
  const b = createPrismaClient(inject("databaseUrl"));
  let releaseA!: () => void;
  const bDone = new Promise<void>((resolve) => (releaseA = resolve));
  const claimA = claimCompanyTasks(a, own.companyId, [script.id], { now: t0, workerId: "A", beforeLock: () => bDone });
  const tB = new Date(t0.getTime() + 2_000);
  return {
    own,
    b,
    tB,
    carrier: new FakeCarrier(),
    claimB: () => claimCompanyTasks(b, own.companyId, [script.id], { now: tB, workerId: "B" }),
    /** Lets A take the lock and returns what it claimed. */
    lateA: () => {
      releaseA();
      return claimA;
    },
    disconnect: () => Promise.all([a.$disconnect(), b.$disconnect()]),
  };
}

describe("two claimers with a delay between taking now and taking the lock", () => {
  it("never exceed the per-script throttle or the seats", async () => {
    const { b, tB, carrier, claimB, lateA, disconnect } = await race("race-clock", { seatsPerScript: 4, seatLimit: 50, dialsPerMinuteScript: 5 }, 10);
    try {
      // A's clock reads t0; its lock comes only after B has dialed.
      const byB = await claimB();
      expect(byB.claimed).toHaveLength(4); // the script's seats
      for (const claim of byB.claimed) expect((await placeClaimedCall(b, carrier, claim, tB)).status).toBe("placed");
      // B's calls end at once: their seats are free again, but the dials stay in the last minute.
      await b.callTask.updateMany({ where: { id: { in: byB.claimed.map((c) => c.taskId) } }, data: { status: "ended" } });
      const byA = await lateA();

      // 5 dials a minute: B dialed 4, so A may take 1 (on today's code it counted none of B's and took 4 more).
      expect(byB.claimed.length + byA.claimed.length).toBeLessThanOrEqual(5);
      expect(byA.claimed).toHaveLength(1);
    } finally {
      await disconnect();
    }
  });

  it("never count the same free seat twice when the late claimer's clock is behind", async () => {
    const { own, b, tB, carrier, claimB, lateA, disconnect } = await race("race-seats", { seatsPerScript: 50, seatLimit: 6, dialsPerMinuteScript: 100 }, 11);
    try {
      const byB = await claimB();
      for (const claim of byB.claimed.slice(0, 3)) expect((await placeClaimedCall(b, carrier, claim, tB)).status).toBe("placed");
      const byA = await lateA();
      expect(byB.claimed).toHaveLength(6);
      expect(byA.claimed).toHaveLength(0);
      expect(await testDb().callTask.count({ where: { companyId: own.companyId, status: { in: ["dialing", "inCall"] } } })).toBe(6);
    } finally {
      await disconnect();
    }
  });
});
