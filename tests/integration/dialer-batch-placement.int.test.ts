import { beforeAll, describe, expect, it } from "vitest";
import { clientRefOf } from "@/server/domain/call-tasks/client-ref";
import { CarrierRejected, type BatchCreateItem, type CreateCallInput } from "@/server/ports/carrier";
import { PLACE_CONCURRENCY } from "@/server/services/dialer/dialer-settings";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { placeClaimedCalls } from "@/server/services/dialer/place-claimed-call";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { testDb } from "./fixtures";
import { createDialerCompany, createPatients, createScript, FakeCarrier, minutes, shanghai } from "./dialer-fixtures";

/** FakeCarrier with the batch create: refuses the callees in `refuse`, counts its requests. */
class BatchCarrier extends FakeCarrier {
  requests = 0;
  refuse = new Set<string>();
  lose = false;
  async createCalls(inputs: CreateCallInput[]): Promise<BatchCreateItem[]> {
    this.requests += 1;
    const out: BatchCreateItem[] = [];
    for (const input of inputs) {
      if (this.refuse.has(input.callee)) out.push({ ok: false, rejected: new CarrierRejected("rateLimited", "呼叫频率超限") });
      else out.push({ ok: true, ...(await this.createCall(input)) });
    }
    if (this.lose) throw new Error("socket hang up"); // accepted, but the answer never reached us
    return out;
  }
}

/** FakeCarrier without a batch create (as Tencent CCC): counts the createCall requests in flight at once. */
class SingleCarrier extends FakeCarrier {
  inFlight = 0;
  maxInFlight = 0;
  refuse = new Set<string>();
  override async createCall(input: CreateCallInput) {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((r) => setTimeout(r, 5));
      if (this.refuse.has(input.callee)) throw new CarrierRejected("rateLimited", "呼叫频率超限");
      return await super.createCall(input);
    } finally {
      this.inFlight -= 1;
    }
  }
}

let company: Awaited<ReturnType<typeof createDialerCompany>>;
beforeAll(async () => {
  company = await createDialerCompany("batch-place");
});

/** `n` due tasks of a fresh script, claimed by one tick at `t0`. */
async function claimed(n: number, t0: Date) {
  const db = testDb();
  const script = await createScript(company.companyId, company.clinicIds);
  const patients = await createPatients(company.companyId, company.clinicIds[0]!, n);
  await db.$transaction(async (tx) =>
    insertCallTasks(tx, { companyId: company.companyId, script: (await loadScriptForTasks(tx, company.companyId, script.id))!, seeds: patients.map((p) => ({ patientId: p.id })), source: "batch", now: t0 }),
  );
  const tick = await runDialerTick(db, { now: t0, workerId: "w", companyId: company.companyId });
  const claims = tick.claimed.filter((c) => c.scriptId === script.id);
  expect(claims).toHaveLength(n);
  const tasks = await db.callTask.findMany({ where: { id: { in: claims.map((c) => c.taskId) } }, select: { id: true, patientId: true, mobile: true } });
  const byTask = new Map(tasks.map((t) => [t.id, t]));
  return { script, claims, task: (i: number) => byTask.get(claims[i]!.taskId)! };
}

async function dialedTotal(scriptId: string) {
  const [row] = await testDb().$queryRaw<{ dialed: number; pending: number }[]>`
    SELECT coalesce(sum("dialedCalls"), 0)::int AS dialed, coalesce(sum("pendingTasks"), 0)::int AS pending FROM "CallDailyTotal" WHERE "scriptId" = ${scriptId}`;
  return row!;
}

describe("batched placement", () => {
  it.each([
    ["one batch request (createCalls)", () => new BatchCarrier()],
    ["one createCall per attempt, a bounded number at a time", () => new SingleCarrier()],
  ])("places a batch through %s: each claim decided on its own, each attempt dialed once, one Call row each", async (_, make) => {
    const db = testDb();
    const t0 = shanghai(10, 7);
    const { script, claims, task } = await claimed(6, t0);
    const carrier = make();
    // Claim 0 was recovered meanwhile (another token); claim 1's patient lost his own number; the carrier refuses claim 2.
    await db.callTask.update({ where: { id: claims[0]!.taskId }, data: { claimedBy: "other:token" } });
    await db.patient.update({ where: { id: task(1).patientId }, data: { hasOwnMobile: false } });
    carrier.refuse.add(task(2).mobile!);
    let reads = 0;
    const acceptedAt = minutes(t0, 0.25);
    const clock = () => (reads++ === 0 ? t0 : acceptedAt);

    const results = await placeClaimedCalls(db, carrier, claims, clock);
    expect(results.map((r) => r.status)).toEqual(["skipped", "failed", "retryLater", "placed", "placed", "placed"]);
    expect(carrier.dialsPerRef().get(clientRefOf(claims[0]!.taskId, 1))).toBeUndefined();
    expect(carrier.dialsPerRef().get(clientRefOf(claims[1]!.taskId, 1))).toBeUndefined();
    for (const c of claims.slice(3)) expect(carrier.dialsPerRef().get(clientRefOf(c.taskId, 1))).toBe(1);
    if (carrier instanceof BatchCarrier) expect(carrier.requests).toBe(1);

    const tasks = new Map((await db.callTask.findMany({ where: { scriptId: script.id } })).map((t) => [t.id, t]));
    expect(tasks.get(claims[0]!.taskId)).toMatchObject({ status: "dialing", claimedBy: "other:token", placingAt: null });
    expect(tasks.get(claims[1]!.taskId)).toMatchObject({ status: "failed", reason: "mobileNotOwn" });
    expect(tasks.get(claims[2]!.taskId)).toMatchObject({ status: "pending", attempt: 0, reason: "carrierRejected", nextAttemptAt: minutes(t0, 1), vendorRefusals: 1 });
    const calls = await db.call.findMany({ where: { scriptId: script.id } });
    expect(calls.map((c) => c.taskId).sort()).toEqual(claims.slice(3).map((c) => c.taskId).sort());
    for (const c of claims.slice(3)) {
      expect(tasks.get(c.taskId)).toMatchObject({ status: "inCall", attempt: 1 });
      const call = calls.find((x) => x.taskId === c.taskId)!;
      // dialedAt: when the carrier's accept reached us, never the start of the placement.
      expect(call).toMatchObject({ attempt: 1, dialedAt: acceptedAt, patientId: tasks.get(c.taskId)!.patientId, mobile: tasks.get(c.taskId)!.mobile });
      expect(call.carrierCallId).toBe(carrier.carrierCallIdOf(clientRefOf(c.taskId, 1)));
    }
    // The running totals: 3 calls; 待呼 = the claim held elsewhere + the refused one back in the queue.
    expect(await dialedTotal(script.id)).toEqual({ dialed: 3, pending: 2 });
    if (carrier instanceof SingleCarrier) expect(carrier.maxInFlight).toBeGreaterThan(1);

    // A second run of the same batch (an Inngest retry) asks the carrier nothing.
    const again = await placeClaimedCalls(db, carrier, claims.slice(3), t0);
    expect(again.map((r) => r.status)).toEqual(["skipped", "skipped", "skipped"]);
    for (const c of claims.slice(3)) expect(carrier.dialsPerRef().get(clientRefOf(c.taskId, 1))).toBe(1);
  });

  it("without a batch create, asks at most PLACE_CONCURRENCY createCalls at once", async () => {
    const db = testDb();
    const t0 = shanghai(11, 3);
    const { claims } = await claimed(PLACE_CONCURRENCY + 9, t0);
    const carrier = new SingleCarrier();
    const results = await placeClaimedCalls(db, carrier, claims, t0);
    expect(results.every((r) => r.status === "placed")).toBe(true);
    expect(carrier.maxInFlight).toBe(PLACE_CONCURRENCY);
  });

  it("a batch request whose answer was lost leaves every claim placing: nothing recorded, nothing asked again", async () => {
    const db = testDb();
    const t0 = shanghai(12, 9);
    const { script, claims } = await claimed(3, t0);
    const carrier = new BatchCarrier();
    carrier.lose = true;
    await expect(placeClaimedCalls(db, carrier, claims, t0)).rejects.toThrow("socket hang up");
    const tasks = await db.callTask.findMany({ where: { scriptId: script.id } });
    expect(tasks.every((t) => t.status === "dialing" && t.placingAt?.getTime() === t0.getTime())).toBe(true);
    expect(await db.call.count({ where: { scriptId: script.id } })).toBe(0);
    // The retry finds every claim placing already: it asks the carrier nothing (reconciliation settles them by clientRef).
    carrier.lose = false;
    expect((await placeClaimedCalls(db, carrier, claims, minutes(t0, 1))).map((r) => r.status)).toEqual(["skipped", "skipped", "skipped"]);
    expect(carrier.requests).toBe(1);
  });
});
