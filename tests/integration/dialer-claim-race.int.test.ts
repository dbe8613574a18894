import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createPrismaClient, type PrismaClient, type Tx } from "@/server/db/create-client";
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

/**
 * Runs `claim` on a client whose interactive transactions call `between()` once, just before their `n`-th raw statement
 * (after every earlier one has finished): another process's work then commits exactly between two statements of the
 * claim. Returns how many raw statements the claim issued.
 */
async function withCommitBefore<T>(db: PrismaClient, n: number, between: () => Promise<unknown>, claim: (db: PrismaClient) => Promise<T>) {
  let issued = 0;
  let previous: Promise<unknown> = Promise.resolve();
  // From the n-th statement on, statements wait for `between` (in the order they were issued), so none overtakes it.
  let gate: Promise<unknown> | null = null;
  const wrapTx = (tx: Tx) =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof prop !== "string" || !/^\$(query|execute)Raw(Unsafe)?$/.test(prop)) return value;
        return (...args: unknown[]) => {
          issued += 1;
          const issue = () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (issued === n) {
            const before = previous;
            gate = (async () => {
              await before.catch(() => undefined);
              await between();
            })();
          }
          const p = gate ? gate.then(issue) : Promise.resolve(issue());
          previous = p;
          return p;
        };
      },
    });
  const wrapped = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
      return (fn: (tx: Tx) => Promise<unknown>, opts?: object) => target.$transaction((tx) => fn(wrapTx(tx)), opts);
    },
  });
  const result = await claim(wrapped);
  return { result, issued };
}

describe("the per-minute limit counts every dial exactly once", () => {
  it("whichever two statements of a claim another process's placement commits between", async () => {
    const own = await createDialerCompany("race-interleave", { seatsPerScript: 50, seatLimit: 500, dialsPerMinuteScript: 3 });
    const carrier = new FakeCarrier();
    const other = createPrismaClient(inject("databaseUrl"));
    try {
      for (let n = 1; ; n++) {
        // A fresh script per interleaving: process B has claimed one of its tasks and is placing it.
        const t0 = shanghai(12, n);
        const script = await createScript(own.companyId, own.clinicIds);
        const [first, ...rest] = await createPatients(own.companyId, own.clinicIds[0]!, 6);
        const queue = (ids: string[]) =>
          testDb().$transaction(async (tx) => {
            const loaded = (await loadScriptForTasks(tx, own.companyId, script.id))!;
            await insertCallTasks(tx, { companyId: own.companyId, script: loaded, seeds: ids.map((patientId) => ({ patientId })), source: "batch", now: t0 });
          });
        await queue([first!.id]);
        const byB = await claimCompanyTasks(other, own.companyId, [script.id], { now: t0, workerId: "B" });
        expect(byB.claimed).toHaveLength(1);
        await queue(rest.map((p) => p.id));

        // Process A claims; B's placement (dialing → inCall + its Call row, one transaction) commits before A's n-th statement.
        let placed = false;
        const { result: byA, issued } = await withCommitBefore(
          testDb(),
          n,
          async () => {
            expect((await placeClaimedCall(other, carrier, byB.claimed[0]!, t0)).status).toBe("placed");
            placed = true;
          },
          (db) => claimCompanyTasks(db, own.companyId, [script.id], { now: new Date(t0.getTime() + 1000), workerId: "A" }),
        );
        if (!placed) expect((await placeClaimedCall(other, carrier, byB.claimed[0]!, t0)).status).toBe("placed");
        // 3 dials a minute: B's one counts (as a claim or as a call, never as neither), so A may take 2.
        expect(byA.claimed, `placement committed before statement ${n} of ${issued}`).toHaveLength(2);
        if (n > issued) break;
      }
    } finally {
      await other.$disconnect();
    }
  }, 120_000);
});
