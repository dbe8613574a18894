import { beforeAll, describe, expect, it } from "vitest";
import { clientRefOf } from "@/server/domain/call-tasks/client-ref";
import { pairwiseTests } from "@/server/domain/outcomes/ab-stats";
import { assignVariant } from "@/server/domain/scripts/ab-variant";
import { applyAttemptResult } from "@/server/services/dialer/apply-attempt-result";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { recreditPatients } from "@/server/services/outcomes/credit-outcomes";
import { callerFor, testDb } from "./fixtures";
import { attemptCompleted, createDialerCompany, createPatients, createScript, FakeCarrier, minutes, shanghai } from "./dialer-fixtures";

let company: Awaited<ReturnType<typeof createDialerCompany>>;
const carrier = new FakeCarrier();
beforeAll(async () => {
  company = await createDialerCompany("abtest", { seatsPerScript: 50, dialsPerMinuteScript: 1000 });
});

async function tasksFor(scriptId: string, patientIds: string[], source: "batch" | "journey", now: Date) {
  return testDb().$transaction(async (tx) =>
    insertCallTasks(tx, { companyId: company.companyId, script: (await loadScriptForTasks(tx, company.companyId, scriptId))!, seeds: patientIds.map((patientId) => ({ patientId })), source, now }),
  );
}

describe("A/B variants", () => {
  it("splits tasks by patient (batch and journey alike), dials each variant's wording and voice, and records it on the call", async () => {
    const db = testDb();
    const admin = await callerFor(company.admin.id);
    const script = await createScript(company.companyId, company.clinicIds, { line: "您好，这里是微笑口腔" });
    const voice = await db.voice.findFirstOrThrow({ orderBy: { sortOrder: "desc" }, select: { id: true, key: true } });
    await expect(admin.scripts.saveVariants({ scriptId: script.id, variants: [{ name: "A", sharePercent: 60 }, { name: "B", sharePercent: 30 }] })).rejects.toThrow(/100%/);
    await admin.scripts.saveVariants({
      scriptId: script.id,
      variants: [
        { name: "原开场", opening: "王女士您好，我是微笑口腔的小美", sharePercent: 50 },
        { name: "男声优惠", offer: "本月专家面诊免挂号费", voiceId: voice.id, sharePercent: 50 },
      ],
    });
    const { variants } = await admin.scripts.variants({ scriptId: script.id });
    expect(variants.map((v) => v.key)).toEqual(["A", "B"]);

    const t0 = shanghai(10);
    const patients = await createPatients(company.companyId, company.clinicIds[0]!, 24);
    const batch = await tasksFor(script.id, patients.slice(0, 16).map((p) => p.id), "batch", t0);
    const journey = await tasksFor(script.id, patients.slice(16).map((p) => p.id), "journey", t0);
    const tasks = await db.callTask.findMany({ where: { id: { in: [...batch, ...journey].map((t) => t.id) } }, select: { id: true, patientId: true, variantId: true } });
    for (const t of tasks) expect(t.variantId).toBe(assignVariant(t.patientId, script.id, variants));
    expect(new Set(tasks.map((t) => t.variantId)).size).toBe(2);

    for (let i = 0; i < 5; i++) {
      const claimed = (await runDialerTick(db, { now: t0, workerId: "w", companyId: company.companyId })).claimed;
      if (claimed.length === 0) break;
      for (const c of claimed) expect((await placeClaimedCall(db, carrier, c, t0)).status).toBe("placed");
    }
    const variantOfTask = new Map(tasks.map((t) => [t.id, t.variantId]));
    const a = variants[0]!;
    let heard = 0;
    for (const input of carrier.created) {
      const taskId = tasks.find((t) => input.clientRef === clientRefOf(t.id, 1))?.id;
      if (!taskId) continue;
      heard += 1;
      const lines = input.script.dialogues.scenarios[0]!.rounds.map((r) => r.ai);
      if (variantOfTask.get(taskId) === a.id) expect(lines[0]).toBe("王女士您好，我是微笑口腔的小美");
      else {
        expect(lines).toEqual(["您好，这里是微笑口腔", "本月专家面诊免挂号费"]);
        expect(input.script.voice?.key).toBe(voice.key);
      }
    }
    expect(heard).toBe(24);
    // Every A patient books an hour after the call — recorded before the call's result arrives (a late result): the
    // booking is nobody's until the answered call lands inside the window, which re-credits it (recreditAfterAnsweredCalls).
    const clinicOf = new Map(patients.map((p) => [p.id, p.clinicId]));
    for (const t of tasks.filter((x) => x.variantId === a.id)) {
      await db.$transaction(async (tx) => {
        await tx.appointment.create({ data: { companyId: company.companyId, clinicId: clinicOf.get(t.patientId)!, patientId: t.patientId, createdAt: minutes(t0, 60), startsAt: minutes(t0, 60 * 48) } });
        await recreditPatients(tx, company.companyId, [t.patientId]);
      });
    }
    expect(await db.appointment.count({ where: { patientId: { in: patients.map((p) => p.id) }, creditCallId: { not: null } } })).toBe(0);
    for (const t of tasks) {
      const ref = clientRefOf(t.id, 1);
      await applyAttemptResult(db, attemptCompleted(ref, "answered", { carrierCallId: carrier.carrierCallIdOf(ref), endedAt: minutes(t0, 2) }));
    }
    const calls = await db.call.findMany({ where: { scriptId: script.id }, select: { taskId: true, variantId: true, patientId: true, clinicId: true, answeredAt: true } });
    expect(calls).toHaveLength(24);
    for (const c of calls) expect(c.variantId).toBe(variantOfTask.get(c.taskId));

    // No B patient booked.
    const aCalls = calls.filter((c) => c.variantId === a.id);
    expect(await db.appointment.count({ where: { patientId: { in: aCalls.map((c) => c.patientId) }, creditCallId: null } })).toBe(0);
    const test = await admin.outcomes.variantTest({ scriptId: script.id });
    const [ra, rb] = test.variants;
    expect(ra!.funnel).toMatchObject({ dialed: aCalls.length, answered: aCalls.length, booked: aCalls.length });
    expect(rb!.funnel).toMatchObject({ dialed: 24 - aCalls.length, booked: 0 });
    expect(ra!.interval!.high).toBe(1);
    expect(rb!.interval!.low).toBe(0);
    expect(test.verdict).toMatchObject({ kind: "significant", betterId: a.id });
    expect((await admin.outcomes.abTests()).map((s) => s.id)).toContain(script.id);

    // 结束测试 keeping A: new tasks (and the undialed ones) get A; the test's figures stay; audited.
    await admin.scripts.endAbTest({ scriptId: script.id, keepVariantId: a.id });
    await expect(admin.scripts.endAbTest({ scriptId: script.id, keepVariantId: a.id })).rejects.toThrow();
    const more = await createPatients(company.companyId, company.clinicIds[0]!, 6);
    const later = await tasksFor(script.id, more.map((p) => p.id), "journey", t0);
    const laterTasks = await db.callTask.findMany({ where: { id: { in: later.map((t) => t.id) } }, select: { variantId: true } });
    expect(laterTasks.every((t) => t.variantId === a.id)).toBe(true);
    const after = await admin.outcomes.variantTest({ scriptId: script.id });
    expect(after.script.keptVariantId).toBe(a.id);
    expect(after.variants[1]!.funnel.dialed).toBe(24 - aCalls.length);
    expect(await db.auditLog.count({ where: { targetId: script.id, action: "script.abTest.end" } })).toBe(1);
  });

  it("with three variants tests every pair (Holm-corrected) and shows each pair's result", async () => {
    const db = testDb();
    const admin = await callerFor(company.admin.id);
    const script = await createScript(company.companyId, company.clinicIds, { line: "您好，这里是微笑口腔" });
    await admin.scripts.saveVariants({
      scriptId: script.id,
      variants: [
        { name: "甲", sharePercent: 34 },
        { name: "乙", sharePercent: 33 },
        { name: "丙", sharePercent: 33 },
      ],
    });
    const { variants } = await admin.scripts.variants({ scriptId: script.id });
    const t0 = shanghai(11);
    const patients = await createPatients(company.companyId, company.clinicIds[0]!, 45);
    const created = await tasksFor(script.id, patients.map((p) => p.id), "batch", t0);
    for (let i = 0; i < 5; i++) {
      const claimed = (await runDialerTick(db, { now: t0, workerId: "w3", companyId: company.companyId })).claimed;
      if (claimed.length === 0) break;
      for (const c of claimed) expect((await placeClaimedCall(db, carrier, c, t0)).status).toBe("placed");
    }
    for (const t of created) {
      const ref = clientRefOf(t.id, 1);
      await applyAttemptResult(db, attemptCompleted(ref, "answered", { carrierCallId: carrier.carrierCallIdOf(ref), endedAt: minutes(t0, 2) }));
    }
    const calls = await db.call.findMany({ where: { scriptId: script.id }, select: { variantId: true, patientId: true, clinicId: true } });
    expect(calls).toHaveLength(45);
    // A: every patient books; B: every other one; C: nobody.
    const [a, b, c] = variants;
    let n = 0;
    for (const call of calls) {
      const books = call.variantId === a!.id || (call.variantId === b!.id && n++ % 2 === 0);
      // Written as the product writes bookings: credited in the same transaction (credit-outcomes.ts).
      if (books)
        await db.$transaction(async (tx) => {
          await tx.appointment.create({ data: { companyId: company.companyId, clinicId: call.clinicId, patientId: call.patientId, createdAt: minutes(t0, 60), startsAt: minutes(t0, 60 * 48) } });
          await recreditPatients(tx, company.companyId, [call.patientId]);
        });
    }
    const test = await admin.outcomes.variantTest({ scriptId: script.id });
    expect(test.variants.map((v) => v.key)).toEqual(["A", "B", "C"]);
    expect(test.variants[0]!.bookedCalls).toBe(test.variants[0]!.funnel.answered);
    expect(test.variants[2]!.bookedCalls).toBe(0);
    // Three pairs, tested on the variants' own counts and corrected together.
    const expected = pairwiseTests(test.variants.map((v) => ({ id: v.id, trials: v.funnel.answered, successes: v.bookedCalls })));
    expect(test.verdict.pairs).toEqual(expected);
    expect(test.verdict.pairs.map((x) => [x.aId, x.bId])).toEqual([[a!.id, b!.id], [a!.id, c!.id], [b!.id, c!.id]]);
    // All of A against none of C (about 15 calls each; five each would do): significant even after the correction.
    expect(test.verdict.pairs[1]).toMatchObject({ significant: true, betterId: a!.id });
    for (const pair of test.verdict.pairs) expect(pair.adjustedP).toBeGreaterThanOrEqual(pair.p!);
  });

  it("says nothing is significant on a small difference", async () => {
    const admin = await callerFor(company.admin.id);
    const script = await createScript(company.companyId, company.clinicIds);
    await admin.scripts.saveVariants({ scriptId: script.id, variants: [{ name: "A", sharePercent: 50 }, { name: "B", sharePercent: 50 }] });
    expect((await admin.outcomes.variantTest({ scriptId: script.id })).verdict.kind).toBe("tooFew");
  });
});
