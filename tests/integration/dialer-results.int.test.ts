import { beforeAll, describe, expect, it } from "vitest";
import { applyAttemptResult } from "@/server/services/dialer/apply-attempt-result";
import { clientRefOf } from "@/server/domain/call-tasks/client-ref";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { changeScriptStatus } from "@/server/services/scripts/change-script-status";
import { loadViewer } from "@/server/services/auth/load-viewer";
import { testDb } from "./fixtures";
import { attemptCompleted, createDialerCompany, createPatients, createScript, FakeCarrier, minutes, shanghai } from "./dialer-fixtures";

let company: Awaited<ReturnType<typeof createDialerCompany>>;
const carrier = new FakeCarrier();
beforeAll(async () => {
  company = await createDialerCompany("results");
});

async function queued(now: Date, count = 1, scriptOpts: Parameters<typeof createScript>[2] = {}) {
  const db = testDb();
  const script = await createScript(company.companyId, company.clinicIds, scriptOpts);
  const patients = await createPatients(company.companyId, company.clinicIds[0]!, count);
  const tasks = await db.$transaction(async (tx) =>
    insertCallTasks(tx, { companyId: company.companyId, script: (await loadScriptForTasks(tx, company.companyId, script.id))!, seeds: patients.map((p) => ({ patientId: p.id })), source: "batch", now }),
  );
  return { script, patients, taskIds: tasks.map((t) => t.id) };
}

const tick = (now: Date) => runDialerTick(testDb(), { now, workerId: "w", companyId: company.companyId });

/** Tick, then place every claimed attempt of these tasks; returns their client refs. */
async function dial(now: Date, taskIds: string[]) {
  const claimed = (await tick(now)).claimed.filter((c) => taskIds.includes(c.taskId));
  for (const c of claimed) expect((await placeClaimedCall(testDb(), carrier, c, now)).status).toBe("placed");
  return claimed.map((c) => clientRefOf(c.taskId, c.attempt));
}

describe("attempt results", () => {
  it("redials a 无应答 once 30 minutes later, then ends; duplicates and stale copies change nothing", async () => {
    const db = testDb();
    const t0 = shanghai(10);
    const { taskIds: [taskId] } = await queued(t0);
    const [ref1] = await dial(t0, [taskId!]);
    const first = attemptCompleted(ref1!, "noAnswer", { carrierCallId: carrier.carrierCallIdOf(ref1!), endedAt: minutes(t0, 1) });
    expect(await applyAttemptResult(db, first)).toMatchObject({ applied: true, task: "redial", redialAt: minutes(t0, 31) });
    expect(await applyAttemptResult(db, { ...first, eventId: "dup" })).toMatchObject({ applied: false, why: "duplicate" });

    expect(await dial(minutes(t0, 20), [taskId!])).toEqual([]); // not due yet
    const [ref2] = await dial(minutes(t0, 31), [taskId!]);
    expect(ref2).toBe(clientRefOf(taskId!, 2));
    // A late copy of attempt 1 while attempt 2 is in the call: nothing moves.
    expect(await applyAttemptResult(db, { ...first, eventId: "late" })).toMatchObject({ applied: false, why: "duplicate" });
    expect((await db.callTask.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("inCall");

    const second = attemptCompleted(ref2!, "busy", { carrierCallId: carrier.carrierCallIdOf(ref2!), endedAt: minutes(t0, 33) });
    expect(await applyAttemptResult(db, second)).toMatchObject({ applied: true, task: "ended" });
    expect(await db.callTask.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: "ended", attempt: 2, lastOutcome: "busy" });
    const calls = await db.call.findMany({ where: { taskId }, orderBy: { attempt: "asc" } });
    expect(calls.map((c) => [c.attempt, c.outcome, c.carrierOutcome])).toEqual([
      [1, "noAnswer", "noAnswer"],
      [2, "busy", "busy"],
    ]);
    expect((await dial(minutes(t0, 120), [taskId!])).length).toBe(0);
  });

  it("never redials 空号 or 停机", async () => {
    const db = testDb();
    const t0 = shanghai(10, 10);
    const { taskIds } = await queued(t0, 2);
    const refs = await dial(t0, taskIds);
    await applyAttemptResult(db, attemptCompleted(refs[0]!, "emptyNumber", { carrierCallId: carrier.carrierCallIdOf(refs[0]!), endedAt: minutes(t0, 1) }));
    await applyAttemptResult(db, attemptCompleted(refs[1]!, "suspended", { carrierCallId: carrier.carrierCallIdOf(refs[1]!), endedAt: minutes(t0, 1) }));
    const tasks = await db.callTask.findMany({ where: { id: { in: taskIds } } });
    expect(tasks.map((t) => t.status)).toEqual(["ended", "ended"]);
  });

  it("a result that beats our own record of the placement is kept, and the placement fills in only what is missing", async () => {
    const db = testDb();
    const t0 = shanghai(10, 20);
    const { taskIds: [taskId] } = await queued(t0);
    const claim = (await tick(t0)).claimed.find((c) => c.taskId === taskId)!;
    const ref = clientRefOf(taskId!, 1);
    // The carrier is so fast that attempt.completed is processed while we are still waiting for createCall to return.
    const racing = new FakeCarrier();
    const createCall = racing.createCall.bind(racing);
    racing.createCall = async (input) => {
      const accepted = await createCall(input);
      const early = attemptCompleted(ref, "answered", { carrierCallId: accepted.carrierCallId, endedAt: minutes(t0, 2), talkSeconds: 61 });
      expect(await applyAttemptResult(db, early)).toMatchObject({ applied: true, task: "ended" });
      return accepted;
    };
    expect((await placeClaimedCall(db, racing, claim, t0)).status).toBe("placed");
    const [call] = await db.call.findMany({ where: { taskId } });
    expect(call).toMatchObject({ outcome: "answered", durationSec: 61, carrierCallId: racing.carrierCallIdOf(ref), attempt: 1 });
    expect((await db.callTask.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("ended");
  });

  it("results racing their own placements neither deadlock nor get lost", async () => {
    const db = testDb();
    const t0 = shanghai(10, 40);
    const { taskIds } = await queued(t0, 30);
    const claims = (await tick(t0)).claimed.filter((c) => taskIds.includes(c.taskId));
    expect(claims).toHaveLength(30);
    const racing = new FakeCarrier();
    const createCall = racing.createCall.bind(racing);
    const applying: Promise<unknown>[] = [];
    racing.createCall = async (input) => {
      const accepted = await createCall(input);
      // Delivered while placeClaimedCall is about to record the placement: both transactions run at once.
      applying.push(applyAttemptResult(db, attemptCompleted(input.clientRef, "answered", { carrierCallId: accepted.carrierCallId, endedAt: minutes(t0, 1) })));
      return accepted;
    };
    const placed = await Promise.all(claims.map((c) => placeClaimedCall(db, racing, c, t0)));
    const applied = await Promise.all(applying);
    expect(placed.every((p) => p.status === "placed")).toBe(true);
    expect(applied.every((a) => (a as { applied: boolean }).applied)).toBe(true);
    expect(await db.callTask.count({ where: { id: { in: taskIds }, status: "ended" } })).toBe(30);
    expect(await db.call.count({ where: { taskId: { in: taskIds }, outcome: "answered" } })).toBe(30);
  });

  it("debits answered calls per started minute; an empty balance pauses the company's scripts with 余额不足", async () => {
    const db = testDb();
    const own = await createDialerCompany("balance");
    const balance = async () => (await db.callBalanceEntry.aggregate({ where: { companyId: own.companyId }, _sum: { delta: true } }))._sum.delta ?? 0;
    await db.callBalanceEntry.create({ data: { companyId: own.companyId, delta: 2 - (await balance()), reason: "adjustment" } });
    const t0 = shanghai(14);
    const script = await createScript(own.companyId, own.clinicIds);
    const other = await createScript(own.companyId, own.clinicIds);
    const patients = await createPatients(own.companyId, own.clinicIds[0]!, 3);
    const tasks = await db.$transaction(async (tx) =>
      insertCallTasks(tx, { companyId: own.companyId, script: (await loadScriptForTasks(tx, own.companyId, script.id))!, seeds: patients.map((p) => ({ patientId: p.id })), source: "batch", now: t0 }),
    );
    const claimed = (await runDialerTick(db, { now: t0, workerId: "w", companyId: own.companyId })).claimed;
    for (const c of claimed) await placeClaimedCall(db, carrier, c, t0);
    const ref = clientRefOf(tasks[0]!.id, 1);
    const result = await applyAttemptResult(db, attemptCompleted(ref, "answered", { carrierCallId: carrier.carrierCallIdOf(ref), endedAt: minutes(t0, 2), talkSeconds: 61 }));
    expect(result).toMatchObject({ applied: true, balanceAfter: 0, pausedScripts: 2 });
    expect(await balance()).toBe(0);
    const scripts = await db.script.findMany({ where: { id: { in: [script.id, other.id] } } });
    expect(scripts.map((s) => [s.status, s.pauseReason])).toEqual([
      ["paused", "insufficientBalance"],
      ["paused", "insufficientBalance"],
    ]);
    // A duplicate of that result debits nothing more.
    await applyAttemptResult(db, { ...attemptCompleted(ref, "answered", { carrierCallId: carrier.carrierCallIdOf(ref), endedAt: minutes(t0, 2), talkSeconds: 61 }) });
    expect(await balance()).toBe(0);
    // Nothing more is claimed while paused.
    const ref2 = clientRefOf(tasks[1]!.id, 1);
    await applyAttemptResult(db, attemptCompleted(ref2, "noAnswer", { carrierCallId: carrier.carrierCallIdOf(ref2), endedAt: minutes(t0, 1) }));
    expect((await runDialerTick(db, { now: minutes(t0, 40), workerId: "w", companyId: own.companyId })).claimed).toHaveLength(0);
  });
});

describe("script status", () => {
  it("a paused script keeps its tasks and dials none; enabled again it continues; stopped cancels the undialed ones", async () => {
    const db = testDb();
    const t0 = shanghai(15);
    const viewer = (await loadViewer(db, company.admin.id))!;
    const scope = { companyId: company.companyId, clinicIds: viewer.clinicIds };
    const { script, taskIds } = await queued(t0, 3);
    await changeScriptStatus(db, scope, viewer, "pause", { id: script.id });
    expect((await tick(t0)).claimed.filter((c) => taskIds.includes(c.taskId))).toHaveLength(0);
    await changeScriptStatus(db, scope, viewer, "enable", { id: script.id });
    const refs = await dial(t0, taskIds.slice(0, 3));
    expect(refs).toHaveLength(3);
    // One ends with a retryable outcome after the script is stopped: its redial is cancelled, not scheduled.
    await applyAttemptResult(db, attemptCompleted(refs[0]!, "noAnswer", { carrierCallId: carrier.carrierCallIdOf(refs[0]!), endedAt: minutes(t0, 1) }));
    await changeScriptStatus(db, scope, viewer, "stop", { id: script.id });
    const pendingBefore = await db.callTask.count({ where: { scriptId: script.id, status: "pending" } });
    expect(pendingBefore).toBe(0);
    await applyAttemptResult(db, attemptCompleted(refs[1]!, "busy", { carrierCallId: carrier.carrierCallIdOf(refs[1]!), endedAt: minutes(t0, 2) }));
    const tasks = await db.callTask.findMany({ where: { scriptId: script.id }, orderBy: { createdAt: "asc" } });
    expect(tasks.filter((t) => t.status === "cancelled").every((t) => t.reason === "scriptStopped")).toBe(true);
    expect(tasks.map((t) => t.status).sort()).toEqual(["cancelled", "cancelled", "inCall"]);
  });
});
