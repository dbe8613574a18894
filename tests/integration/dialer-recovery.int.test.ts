import { beforeAll, describe, expect, it } from "vitest";
import { applyAttemptResult } from "@/server/services/dialer/apply-attempt-result";
import { clientRefOf } from "@/server/domain/call-tasks/client-ref";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { CarrierRejected } from "@/server/ports/carrier";
import { testDb } from "./fixtures";
import { attemptCompleted, createDialerCompany, createPatients, createScript, FakeCarrier, minutes, shanghai } from "./dialer-fixtures";

let company: Awaited<ReturnType<typeof createDialerCompany>>;
beforeAll(async () => {
  company = await createDialerCompany("recover");
});

async function oneTask(now: Date) {
  const db = testDb();
  const script = await createScript(company.companyId, company.clinicIds);
  const [patient] = await createPatients(company.companyId, company.clinicIds[0]!, 1);
  const [task] = await db.$transaction(async (tx) =>
    insertCallTasks(tx, { companyId: company.companyId, script: (await loadScriptForTasks(tx, company.companyId, script.id))!, seeds: [{ patientId: patient!.id }], source: "batch", now }),
  );
  return { script, patient: patient!, taskId: task!.id };
}

const tick = (now: Date) => runDialerTick(testDb(), { now, workerId: "w", companyId: company.companyId });

describe("crash recovery and the same attempt", () => {
  it("a claim whose worker died before dialing goes back to pending and is dialed once, as attempt 1", async () => {
    const db = testDb();
    const t0 = shanghai(10);
    const { taskId } = await oneTask(t0);
    const claimed = (await tick(t0)).claimed.find((c) => c.taskId === taskId)!;
    expect(claimed.attempt).toBe(1);
    // The worker "crashes": nothing is placed. One minute later the claim still holds its seat…
    await tick(minutes(t0, 1));
    expect((await db.callTask.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("dialing");
    // …after the stale timeout it is recovered, same attempt, and claimed again by the same tick.
    const later = await tick(minutes(t0, 3));
    expect(later.recovered).toBeGreaterThanOrEqual(1);
    const again = later.claimed.find((c) => c.taskId === taskId)!;
    expect(again.attempt).toBe(1);
    expect(again.claimToken).not.toBe(claimed.claimToken);

    const carrier = new FakeCarrier();
    // The first worker's late placement is refused by the claim token; the new one dials.
    expect(await placeClaimedCall(db, carrier, claimed, minutes(t0, 3))).toEqual({ status: "skipped", why: "claimLost" });
    expect((await placeClaimedCall(db, carrier, again, minutes(t0, 3))).status).toBe("placed");
    expect(carrier.dialsPerRef().get(clientRefOf(taskId, 1))).toBe(1);
    const calls = await db.call.findMany({ where: { taskId } });
    expect(calls.map((c) => c.attempt)).toEqual([1]);
    expect((await db.callTask.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("inCall");
  });

  it("a claim that may have reached the carrier is not dialed again; the carrier's result settles it", async () => {
    const db = testDb();
    const t0 = shanghai(10, 30);
    const { taskId } = await oneTask(t0);
    const claim = (await tick(t0)).claimed.find((c) => c.taskId === taskId)!;
    const carrier = new FakeCarrier();
    carrier.afterAccept = new Error("socket hang up"); // accepted, but we never learn it
    await expect(placeClaimedCall(db, carrier, claim, t0)).rejects.toThrow("socket hang up");
    // An Inngest retry of the same step does not ask the carrier again.
    expect(await placeClaimedCall(db, carrier, claim, minutes(t0, 1))).toEqual({ status: "skipped", why: "claimLost" });
    // Stale-claim recovery leaves it alone: it may be ringing.
    await tick(minutes(t0, 10));
    expect((await db.callTask.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("dialing");
    // The carrier reports the attempt (at least once): it is recorded and a redial is planned.
    const ref = clientRefOf(taskId, 1);
    const result = attemptCompleted(ref, "noAnswer", { carrierCallId: carrier.carrierCallIdOf(ref), endedAt: minutes(t0, 1) });
    expect(await applyAttemptResult(db, result)).toMatchObject({ applied: true, task: "redial", attempt: 1 });
    const task = await db.callTask.findUniqueOrThrow({ where: { id: taskId } });
    expect(task).toMatchObject({ status: "pending", attempt: 1, reason: "redialScheduled", lastOutcome: "noAnswer", claimedBy: null });
    expect(task.nextAttemptAt).toEqual(minutes(t0, 31));
    expect(carrier.dialsPerRef().get(ref)).toBe(1);
  });

  it("without any result, such a claim is released only after the carrier has had hours to report", async () => {
    const db = testDb();
    const t0 = shanghai(11);
    const { taskId } = await oneTask(t0);
    const claim = (await tick(t0)).claimed.find((c) => c.taskId === taskId)!;
    const carrier = new FakeCarrier();
    carrier.failNext = new Error("timeout");
    await expect(placeClaimedCall(db, carrier, claim, t0)).rejects.toThrow();
    await tick(minutes(t0, 119));
    expect((await db.callTask.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("dialing");
    await tick(minutes(t0, 121));
    expect(await db.callTask.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ attempt: 0 });
  });

  it("a carrier refusal (rate limit) puts the task back for a minute, same attempt", async () => {
    const db = testDb();
    const t0 = shanghai(12);
    const { taskId } = await oneTask(t0);
    const claim = (await tick(t0)).claimed.find((c) => c.taskId === taskId)!;
    const carrier = new FakeCarrier();
    carrier.failNext = new CarrierRejected("rateLimited", "呼叫频率超限");
    expect(await placeClaimedCall(db, carrier, claim, t0)).toEqual({ status: "retryLater", reason: "carrierRejected" });
    expect(await db.callTask.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: "pending", attempt: 0, reason: "carrierRejected", nextAttemptAt: minutes(t0, 1) });
    expect((await tick(minutes(t0, 0.5))).claimed.some((c) => c.taskId === taskId)).toBe(false);
    expect((await tick(minutes(t0, 1))).claimed.find((c) => c.taskId === taskId)?.attempt).toBe(1);
  });
});
