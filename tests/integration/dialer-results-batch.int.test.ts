import { describe, expect, it } from "vitest";
import type { CarrierOutcome } from "@/server/ports/carrier";
import { clientRefOf } from "@/server/domain/call-tasks/client-ref";
import { applyAttemptResult, applyAttemptResults, type AppliedAttempt } from "@/server/services/dialer/apply-attempt-result";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { testDb } from "./fixtures";
import { attemptCompleted, createDialerCompany, createPatients, createScript, FakeCarrier, minutes, shanghai } from "./dialer-fixtures";

const carrier = new FakeCarrier();

/** A company with `balance` call minutes, two scripts (the second without tasks), `count` tasks dialed at t0. */
async function world(name: string, t0: Date, count: number, balance: number) {
  const db = testDb();
  const c = await createDialerCompany(name);
  const sum = async () => (await db.callBalanceEntry.aggregate({ where: { companyId: c.companyId }, _sum: { delta: true } }))._sum.delta ?? 0;
  await db.callBalanceEntry.create({ data: { companyId: c.companyId, delta: balance - (await sum()), reason: "adjustment" } });
  const script = await createScript(c.companyId, c.clinicIds);
  const other = await createScript(c.companyId, c.clinicIds);
  const patients = await createPatients(c.companyId, c.clinicIds[0]!, count);
  const tasks = await db.$transaction(async (tx) =>
    insertCallTasks(tx, { companyId: c.companyId, script: (await loadScriptForTasks(tx, c.companyId, script.id))!, seeds: patients.map((p) => ({ patientId: p.id })), source: "batch", now: t0 }),
  );
  const taskIds = tasks.map((t) => t.id).sort();
  const dial = async (at: Date) => {
    const claimed = (await runDialerTick(db, { now: at, workerId: "w", companyId: c.companyId })).claimed.filter((x) => taskIds.includes(x.taskId));
    for (const x of claimed) expect((await placeClaimedCall(db, carrier, x, at)).status).toBe("placed");
    return claimed.map((x) => clientRefOf(x.taskId, x.attempt));
  };
  return { ...c, script, other, taskIds, dial, balance: sum };
}

/** An answer without its row ids, for comparing two worlds. */
function shape(a: AppliedAttempt) {
  if (!a.applied) return { applied: false, why: a.why, hasCall: a.callId !== undefined };
  return { applied: true, attempt: a.attempt, outcome: a.outcome, task: a.task, redialAt: a.redialAt, balanceAfter: a.balanceAfter, pausedScripts: a.pausedScripts };
}

const OUTCOMES: CarrierOutcome[] = ["answered", "noAnswer", "busy", "failed", "answered", "emptyNumber", "answered", "rejected"];

describe("batched attempt results", () => {
  it("apply exactly as one by one: mixed outcomes, duplicates inside the batch and against stored rows, unknown refs, the balance running out mid-batch", async () => {
    const db = testDb();
    const t0 = shanghai(10);
    // Two identical worlds: one gets the results one at a time, the other in one batch.
    const worlds = [await world("batch1", t0, OUTCOMES.length, 5), await world("batch2", t0, OUTCOMES.length, 5)];
    const answers: AppliedAttempt[][] = [];
    for (const [w, batched] of [[worlds[0]!, false], [worlds[1]!, true]] as const) {
      const refs = (await w.dial(t0)).sort();
      expect(refs).toHaveLength(OUTCOMES.length);
      const results = refs.map((ref, i) => attemptCompleted(ref, OUTCOMES[i]!, { carrierCallId: carrier.carrierCallIdOf(ref), endedAt: minutes(t0, 3), talkSeconds: 61 }));
      // One result already stored before the batch: its copy in the batch is a duplicate.
      await applyAttemptResult(db, results[1]!);
      const batch = [
        ...results,
        { ...results[0]!, eventId: "dup-in-batch" },
        { ...results[1]!, eventId: "dup-of-stored" },
        { ...results[2]!, clientRef: "not-a-ref" },
        { ...results[3]!, clientRef: clientRefOf("no-such-task", 1) },
      ];
      if (batched) answers.push(await applyAttemptResults(db, batch, minutes(t0, 4)));
      else {
        const out: AppliedAttempt[] = [];
        for (const r of batch) out.push(await applyAttemptResult(db, r, minutes(t0, 4)));
        answers.push(out);
      }
    }
    const [one, many] = answers as [AppliedAttempt[], AppliedAttempt[]];
    expect(many.map(shape)).toEqual(one.map(shape));

    // What the batch said, spelled out: 3 answered calls of 2 minutes each against 5 minutes of balance.
    expect(many.map((a) => (a.applied ? a.task : a.why))).toEqual(["ended", "duplicate", "redial", "redial", "ended", "ended", "ended", "redial", "duplicate", "duplicate", "unknownClientRef", "unknownClientRef"]);
    expect(many.filter((a) => a.applied && a.outcome === "answered").map((a) => a.applied && [a.balanceAfter, a.pausedScripts])).toEqual([
      [3, 0],
      [1, 0],
      [-1, 2],
    ]);
    const first = many[0]!;
    expect(many[8]).toEqual({ applied: false, why: "duplicate", callId: first.applied ? first.callId : "" });
    const stored = many[1] as { callId?: string };
    expect(stored.callId).toEqual(expect.any(String));
    expect(many[9]).toEqual({ applied: false, why: "duplicate", callId: stored.callId });

    // The rows: tasks, calls, ledger, scripts the same in both worlds.
    for (const w of worlds) expect(await w.balance()).toBe(-1);
    const state = async (w: (typeof worlds)[number]) => ({
      tasks: (await db.callTask.findMany({ where: { id: { in: w.taskIds } }, orderBy: { id: "asc" } })).map((t) => [t.status, t.attempt, t.reason, t.lastOutcome, t.nextAttemptAt.getTime(), t.finishedAt?.getTime() ?? null, t.claimedBy]),
      calls: (await db.call.findMany({ where: { taskId: { in: w.taskIds } }, orderBy: { taskId: "asc" } })).map((c) => [c.attempt, c.outcome, c.durationSec, c.rounds]),
      scripts: (await db.script.findMany({ where: { id: { in: [w.script.id, w.other.id] } }, orderBy: { createdAt: "asc" } })).map((s) => [s.status, s.pauseReason]),
    });
    const [a, b] = [await state(worlds[0]!), await state(worlds[1]!)];
    expect(b).toEqual(a);
    expect(b.scripts).toEqual([
      ["paused", "insufficientBalance"],
      ["paused", "insufficientBalance"],
    ]);
  });

  it("applies two attempts of one task in one batch in attempt order, and late copies of an earlier attempt change nothing", async () => {
    const db = testDb();
    const t0 = shanghai(11);
    const w = await world("batch3", t0, 2, 100);
    const [r1, s1] = (await w.dial(t0)).sort();
    const noAnswer = attemptCompleted(r1!, "noAnswer", { carrierCallId: carrier.carrierCallIdOf(r1!), endedAt: minutes(t0, 1) });
    expect(await applyAttemptResults(db, [noAnswer])).toMatchObject([{ applied: true, task: "redial", redialAt: minutes(t0, 31) }]);
    const [r2] = await w.dial(minutes(t0, 31));
    expect(r2).toBe(clientRefOf(w.taskIds.find((id) => r1!.startsWith(id))!, 2));
    const busy = attemptCompleted(r2!, "busy", { carrierCallId: carrier.carrierCallIdOf(r2!), endedAt: minutes(t0, 33) });
    const answers = await applyAttemptResults(db, [busy, { ...noAnswer, eventId: "late" }, { ...busy, eventId: "dup" }]);
    expect(answers.map((a) => (a.applied ? [a.attempt, a.task] : a.why))).toEqual([[2, "ended"], "duplicate", "duplicate"]);
    const callIds = (await db.call.findMany({ where: { taskId: answers[0]!.applied ? answers[0]!.taskId : "" }, orderBy: { attempt: "asc" } })).map((c) => c.id);
    expect(answers.slice(1).map((a) => (a.applied ? null : a.callId))).toEqual([callIds[0], callIds[1]]);

    // The other task's attempt 1 and a (contrived) attempt 2 in one batch, the later one first: attempt 1 redials it,
    // then attempt 2 — the one its redial dials — ends it. Each answer stays in the caller's order.
    const sTask = s1!.split(":")[0]!;
    const a2 = attemptCompleted(clientRefOf(sTask, 2), "busy", { carrierCallId: "contrived-2", endedAt: minutes(t0, 40) });
    const a1 = attemptCompleted(s1!, "noAnswer", { carrierCallId: carrier.carrierCallIdOf(s1!), endedAt: minutes(t0, 1) });
    expect((await applyAttemptResults(db, [a2, a1])).map((a) => (a.applied ? [a.attempt, a.task] : a.why))).toEqual([
      [2, "ended"],
      [1, "redial"],
    ]);
    expect(await db.callTask.findUniqueOrThrow({ where: { id: sTask } })).toMatchObject({ status: "ended", attempt: 2, lastOutcome: "busy" });
  });
});
