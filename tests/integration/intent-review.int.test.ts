import { beforeAll, describe, expect, it } from "vitest";
import { seedCallRecords, type SeedCallRecordsResult } from "@/prisma/seed/seed-call-records";
import { ruleBasedClassifier } from "@/server/adapters/intent";
import { countCallMetrics } from "@/server/services/metrics/count-call-metrics";
import { addOptOutFromCall } from "@/server/services/calls/add-opt-out-from-call";
import { classifyCallIntent } from "@/server/services/calls/classify-call-intent";
import { flagWrongNumber } from "@/server/services/calls/flag-wrong-number";
import { exportIntentCorrections } from "@/server/services/calls/records/export-intent-corrections";
import { applyAttemptResult } from "@/server/services/dialer/apply-attempt-result";
import { clientRefOf } from "@/server/domain/call-tasks/client-ref";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { callerFor, seeded, testDb } from "./fixtures";
import { attemptCompleted, createDialerCompany, createPatients, createScript, FakeCarrier, minutes, shanghai } from "./dialer-fixtures";

let s: Awaited<ReturnType<typeof seeded>>;
let fixture: SeedCallRecordsResult;

beforeAll(async () => {
  s = await seeded();
  fixture = await seedCallRecords(testDb(), { companyId: s.a.company.id, now: new Date(), scriptName: "复核测试-种植邀约", patientCount: 12 });
});

/** One of the fixture's answered calls, its transcript replaced by what the patient said (and re-analysed by the rules). */
async function callSaying(index: number, patient: string) {
  const db = testDb();
  const id = fixture.answeredCallIds[index]!;
  await db.call.update({
    where: { id },
    data: {
      transcript: [
        { speaker: "ai", text: "您好，我们本月有种植牙专家面诊活动，您有兴趣了解一下吗？", at: 0 },
        { speaker: "patient", text: patient, at: 3 },
      ],
    },
  });
  const analysis = await classifyCallIntent(db, id, { force: true, classifier: ruleBasedClassifier });
  return { id, analysis: analysis! };
}

describe("opt-outs and complaints", () => {
  it("an explicit request puts the number on the DNC list with its sentence; a manager undoes it in one click (audited)", async () => {
    const db = testDb();
    const { id, analysis } = await callSaying(0, "以后不要再给我打电话了，把我的号码删掉");
    expect(analysis).toMatchObject({ optOut: true, complaint: false });
    expect(await addOptOutFromCall(db, id)).toEqual({ added: true });
    const call = await db.call.findUniqueOrThrow({ where: { id } });
    const entry = await db.dncEntry.findFirstOrThrow({ where: { companyId: s.a.company.id, kind: "optOut", mobile: call.mobile } });
    expect(entry).toMatchObject({ callId: id, triggerSentence: "以后不要再给我打电话了，把我的号码删掉", source: "callIntent" });

    const admin = await callerFor(s.a.admin.id);
    const detail = await admin.callRecords.byId({ id });
    expect(detail).toMatchObject({ trigger: "以后不要再给我打电话了，把我的号码删掉", optOut: { fromThisCall: true, triggerSentence: "以后不要再给我打电话了，把我的号码删掉" } });

    expect(await admin.callRecords.undoOptOut({ callId: id })).toEqual({ callId: id, removed: true });
    expect(await db.dncEntry.count({ where: { companyId: s.a.company.id, kind: "optOut", mobile: call.mobile } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "dnc.optOut.remove", targetId: id } });
    expect(audit).toMatchObject({ actorId: s.a.admin.id, data: expect.objectContaining({ triggerSentence: "以后不要再给我打电话了，把我的号码删掉" }) });
    expect((await admin.callRecords.byId({ id })).optOut).toBeNull();
    await expect(admin.callRecords.undoOptOut({ callId: id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a complaint is never DNC: flagged, on the 需回电 list with high priority, the patient still callable", async () => {
    const db = testDb();
    const { id, analysis } = await callSaying(1, "上次补的牙又掉了，我要投诉！让你们负责人给我打电话");
    expect(analysis).toMatchObject({ optOut: false, complaint: true, callbackRequested: true });
    const call = await db.call.findUniqueOrThrow({ where: { id } });
    expect(call).toMatchObject({ complaint: true, triggerSentence: "上次补的牙又掉了，我要投诉！让你们负责人给我打电话" });
    expect(await db.dncEntry.count({ where: { mobile: call.mobile, kind: "optOut" } })).toBe(0);
    const admin = await callerFor(s.a.admin.id);
    const callbacks = await admin.callRecords.list({ scriptId: fixture.scriptId, callback: true, pageSize: 100 });
    expect(callbacks.items.find((r) => r.id === id)).toMatchObject({ complaint: true });
  });
});

describe("人工修正", () => {
  it("a manager corrects a call's label: stored, audited, shown as 人工修正, counted, kept by 重新分析, exported as a case", async () => {
    const db = testDb();
    const { id, analysis } = await callSaying(2, "嗯……我看看吧");
    const admin = await callerFor(s.a.admin.id);
    const to = analysis.intent === "notInterested" ? "interested" : "notInterested";
    const before = (await admin.callRecords.intents({ scriptId: fixture.scriptId })).find((i) => i.key === to)?.count ?? 0;

    await admin.callRecords.correctIntent({ callId: id, intent: to });
    const detail = await admin.callRecords.byId({ id });
    expect(detail.intent).toBe(to);
    expect(detail.correction).toMatchObject({ by: expect.any(String) });
    expect((await admin.callRecords.intents({ scriptId: fixture.scriptId })).find((i) => i.key === to)?.count).toBe(before + 1);
    const listed = await admin.callRecords.list({ scriptId: fixture.scriptId, intent: to, pageSize: 100 });
    expect(listed.items.find((r) => r.id === id)).toMatchObject({ corrected: true, needsReview: false });
    expect(await db.auditLog.count({ where: { action: "call.intent.correct", targetId: id, actorId: s.a.admin.id } })).toBe(1);

    // 重新分析 does not undo a manager's label.
    await classifyCallIntent(db, id, { force: true, classifier: ruleBasedClassifier });
    expect((await db.call.findUniqueOrThrow({ where: { id } })).intent).toBe(to);

    const cases = await exportIntentCorrections(db, { companyId: s.a.company.id });
    const mine = cases.find((c) => c.id === `corr-${id}`);
    expect(mine).toMatchObject({ expect: { intent: to }, tags: ["correction"] });
    expect(mine!.turns).toEqual([{ ai: "您好，我们本月有种植牙专家面诊活动，您有兴趣了解一下吗？" }, { patient: "嗯……我看看吧" }]);

    await expect(admin.callRecords.correctIntent({ callId: id, intent: "confirmed" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a script's renamed and added labels show in the records and are accepted as corrections", async () => {
    const admin = await callerFor(s.a.admin.id);
    const current = await admin.scripts.intentLabels({ scriptId: fixture.scriptId });
    const labels = current.labels.map((l) => ({ key: l.key, label: l.key === "interested" ? "A类意向" : l.label }));
    await admin.scripts.updateIntentLabels({ scriptId: fixture.scriptId, labels: [...labels, { key: "custom-installment", label: "想要分期", canonical: "somewhatInterested" }] });
    await expect(admin.scripts.updateIntentLabels({ scriptId: fixture.scriptId, labels: labels.slice(1) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const { id } = await callSaying(3, "好的，周六上午帮我约一下");
    const detail = await admin.callRecords.byId({ id });
    expect(detail).toMatchObject({ intent: "interested", intentLabel: "A类意向" });
    await admin.callRecords.correctIntent({ callId: id, intent: "custom-installment" });
    expect((await admin.callRecords.byId({ id })).intentLabel).toBe("想要分期");
  });
});

describe("machines and wrong numbers", () => {
  it("are their own outcomes, not reached: a voicemail is redialled, a wrong number is not and its number is flagged", async () => {
    const db = testDb();
    const company = await createDialerCompany("unreached");
    const carrier = new FakeCarrier();
    const script = await createScript(company.companyId, company.clinicIds);
    const patients = await createPatients(company.companyId, company.clinicIds[0]!, 2);
    const t0 = shanghai(10);
    const tasks = await db.$transaction(async (tx) =>
      insertCallTasks(tx, { companyId: company.companyId, script: (await loadScriptForTasks(tx, company.companyId, script.id))!, seeds: patients.map((p) => ({ patientId: p.id })), source: "batch", now: t0 }),
    );
    const claimed = (await runDialerTick(db, { now: t0, workerId: "w", companyId: company.companyId })).claimed;
    for (const c of claimed) await placeClaimedCall(db, carrier, c, t0);
    const said = ["您好，您拨打的电话暂时无人接听，请在提示音后留言。", "你打错了吧，这号我新办的，不认识你说的人"];
    const results = [];
    for (const [i, task] of tasks.entries()) {
      const ref = clientRefOf(task.id, 1);
      const event = attemptCompleted(ref, "answered", { carrierCallId: carrier.carrierCallIdOf(ref), endedAt: minutes(t0, 1) });
      event.turns = [{ speaker: "ai", text: "您好，提醒您明天的预约", at: 0 }, { speaker: "patient", text: said[i]!, at: 2 }];
      results.push(await applyAttemptResult(db, event));
    }
    expect(results.map((r) => (r.applied ? [r.outcome, r.task] : null))).toEqual([
      ["voicemail", "redial"],
      ["wrongNumber", "ended"],
    ]);
    const calls = await db.call.findMany({ where: { taskId: { in: tasks.map((t) => t.id) } }, orderBy: { createdAt: "asc" } });
    for (const c of calls) {
      const r = await classifyCallIntent(db, c.id, { classifier: ruleBasedClassifier });
      expect(r).toMatchObject({ intent: null, optOut: false });
    }
    expect((await db.call.findMany({ where: { id: { in: calls.map((c) => c.id) } }, select: { reachedParty: true } })).map((c) => c.reachedParty).sort()).toEqual(["voicemail", "wrongNumber"]);
    const wrong = calls.find((c) => c.outcome === "wrongNumber")!;
    expect(await flagWrongNumber(db, wrong.id)).toEqual({ flagged: true });
    expect((await db.patient.findUniqueOrThrow({ where: { id: wrong.patientId } })).wrongNumberAt).not.toBeNull();
    expect(await db.callTask.findUniqueOrThrow({ where: { id: wrong.taskId } })).toMatchObject({ status: "ended", reason: "wrongNumber" });
    // Not reached: no answered call in the figures.
    const metrics = await countCallMetrics(db, { companyId: company.companyId, scriptIds: [script.id] }, "total");
    expect(metrics.get(null)).toMatchObject({ dialedCalls: 2, answeredCalls: 0 });
  });
});
