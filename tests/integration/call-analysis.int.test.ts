import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAnalysis } from "@/inngest/functions/call-analysis";
import { seedCallRecords, type SeedCallRecordsResult } from "@/prisma/seed/seed-call-records";
import { setIntentClassifierForTests, ruleBasedClassifier } from "@/server/adapters/intent";
import { LlmIntentClassifier } from "@/server/adapters/intent/llm-classifier";
import { InProcessDriver } from "@/server/jobs/in-process-driver";
import { setJobDeps } from "@/server/jobs/job-deps";
import { RULES_ANALYZER } from "@/server/domain/intent/call-analysis";
import { classifyCallIntent } from "@/server/services/calls/classify-call-intent";
import { runCallAnalysisChunk } from "@/server/services/calls/analysis/run-call-analysis-chunk";
import { FakeOpenAi, promptOf, type FakeReply } from "../support/fake-openai";
import { callerFor, seeded, testDb } from "./fixtures";

const fake = new FakeOpenAi();
let s: Awaited<ReturnType<typeof seeded>>;
let fixture: SeedCallRecordsResult;
let model: LlmIntentClassifier;

/** The fake model: 比较有意向 when the patient asks anything about money, else the first category; always a summary. */
const modelAnswer = (request: Parameters<typeof fake.reply>[0]): FakeReply => {
  const prompt = promptOf(request);
  const said = (prompt.对话 ?? []).filter((l) => l.startsWith("客户")).join(" ");
  const keys = (prompt.意向列表 ?? []).map((i) => i.key);
  const intent = /钱|价格|优惠/.test(said) && keys.includes("somewhatInterested") ? "somewhatInterested" : (keys[0] ?? null);
  return {
    kind: "json",
    content: { intent, summary: `模型小结：${said.slice(0, 20)}`, reason: "测试理由", callbackRequested: true, proposedTime: "周六上午", optOut: false },
  };
};

beforeAll(async () => {
  s = await seeded();
  const baseURL = await fake.start();
  model = new LlmIntentClassifier({ baseURL, model: "fake-intent", maxRetries: 0, timeoutMs: 1_500 });
  fixture = await seedCallRecords(testDb(), { companyId: s.a.company.id, now: new Date(), scriptName: "分析测试-种植邀约", patientCount: 25 });
});
afterAll(async () => {
  setIntentClassifierForTests(undefined);
  setJobDeps(undefined);
  await fake.stop();
});

const answeredWithWords = async () => {
  const calls = await testDb().call.findMany({ where: { id: { in: fixture.answeredCallIds } }, select: { id: true, transcript: true }, orderBy: { id: "asc" } });
  return calls.filter((c) => JSON.stringify(c.transcript ?? []).includes('"patient"')).map((c) => c.id);
};

describe("post-call analysis with a model", () => {
  it("stores the model's intent, summary, reason, 需回电 and proposed time; the detail and the timeline show them", async () => {
    fake.reply = modelAnswer;
    const [callId] = await answeredWithWords();
    const r = await classifyCallIntent(testDb(), callId!, { force: true, classifier: model });
    expect(r).toMatchObject({ status: "model", callbackRequested: true, proposedTime: "周六上午" });
    const stored = await testDb().call.findUniqueOrThrow({ where: { id: callId! } });
    expect(stored).toMatchObject({ analysisStatus: "model", analyzedBy: "llm:fake-intent", analysisError: null, callbackRequested: true, summary: expect.stringContaining("模型小结") });
    expect(stored.intent).toBe(r!.intent);

    const admin = await callerFor(s.a.admin.id);
    const detail = await admin.callRecords.byId({ id: callId! });
    expect(detail.analysis).toMatchObject({ summary: stored.summary, reason: stored.intentReason, callbackRequested: true, proposedTime: "周六上午", status: "model" });
    expect(detail.canReanalyze).toBe(true);
    const timeline = await admin.followUps.patientTimeline({ patientId: stored.patientId });
    const entry = timeline.entries.find((e) => e.source === "call" && e.id === callId);
    expect(entry).toMatchObject({ summary: stored.summary, callbackRequested: true });
  });

  it.each<[string, FakeReply, string]>([
    ["a 429", { kind: "status", status: 429 }, "rateLimited"],
    ["malformed JSON", { kind: "text", content: '{"intent": "interested", "summ' }, "invalidOutput"],
    ["a timeout", { kind: "hang" }, "timeout"],
  ])("keeps the rules' intent and records the failure after %s", async (_name, reply, code) => {
    fake.reply = () => reply;
    const db = testDb();
    const ids = await answeredWithWords();
    const callId = ids[1]!;
    const byRules = await classifyCallIntent(db, callId, { force: true, classifier: ruleBasedClassifier });
    const r = await classifyCallIntent(db, callId, { force: true, classifier: model });
    expect(r).toMatchObject({ status: "modelFailed", intent: byRules!.intent, summary: null });
    const stored = await db.call.findUniqueOrThrow({ where: { id: callId } });
    expect(stored).toMatchObject({ analysisStatus: "modelFailed", intent: byRules!.intent, analyzedBy: RULES_ANALYZER });
    expect(stored.analysisError).toMatch(new RegExp(`^${code}:`));
  });

  it("does not ask the model about unanswered calls, nor again about a call already analysed", async () => {
    fake.reply = modelAnswer;
    const before = fake.requests.length;
    const unanswered = fixture.callIds.find((id) => !fixture.answeredCallIds.includes(id))!;
    const r = await classifyCallIntent(testDb(), unanswered, { force: true, classifier: model });
    expect(r).toMatchObject({ status: "rules" });
    const [analysed] = await answeredWithWords();
    expect(await classifyCallIntent(testDb(), analysed!, { classifier: model })).toMatchObject({ changed: false, status: "model" });
    expect(fake.requests.length).toBe(before);
  });

  it("filters 话单记录 by 需回电", async () => {
    const admin = await callerFor(s.a.admin.id);
    const flagged = await testDb().call.count({ where: { scriptId: fixture.scriptId, callbackRequested: true } });
    expect(flagged).toBeGreaterThan(0);
    const list = await admin.callRecords.list({ scriptId: fixture.scriptId, callback: true, pageSize: 100 });
    expect(list.total).toBe(flagged);
    expect(list.items.every((i) => i.callbackRequested)).toBe(true);
  });
});

describe("重新分析 of a script in the background", () => {
  it("re-classifies every ended call through the job, with progress; asking twice gives the same job", async () => {
    fake.reply = modelAnswer;
    setIntentClassifierForTests(model);
    const db = testDb();
    const driver = new InProcessDriver([callAnalysis], { log: () => undefined, retryBaseMs: 5 });
    setJobDeps(async () => ({ db, carrier: undefined as never, now: () => new Date(), workerId: "analysis-test" }));
    const admin = await callerFor(s.a.admin.id);
    const ended = await db.call.count({ where: { scriptId: fixture.scriptId, outcome: { not: null } } });
    const intentsBefore = await admin.callRecords.intents({ scriptId: fixture.scriptId });

    const first = await admin.callRecords.reanalyze({ scriptId: fixture.scriptId });
    const again = await admin.callRecords.reanalyze({ scriptId: fixture.scriptId });
    expect(first).toMatchObject({ created: true, job: { status: "queued", total: ended, processed: 0 } });
    expect(again).toMatchObject({ created: false, job: { id: first.job.id } });

    await driver.send({ name: "calls/analysis.requested", data: { jobId: first.job.id, companyId: s.a.company.id } });
    await driver.drain();
    const job = await admin.callRecords.analysisJob({ scriptId: fixture.scriptId });
    expect(job).toMatchObject({ id: first.job.id, status: "done", total: ended, processed: ended });
    expect(await db.call.count({ where: { scriptId: fixture.scriptId, outcome: { not: null }, analyzedAt: null } })).toBe(0);
    // The intent counts (the 客户意向 filter) follow the new intents at once: nothing about intents is cached.
    const intentsAfter = await admin.callRecords.intents({ scriptId: fixture.scriptId });
    const stored = await db.call.groupBy({ by: ["intent"], where: { scriptId: fixture.scriptId, intent: { not: null } }, _count: { _all: true } });
    expect(Object.fromEntries(intentsAfter.map((i) => [i.key, i.count]))).toEqual(Object.fromEntries(stored.map((g) => [g.intent, g._count._all])));
    expect(intentsAfter).not.toEqual(intentsBefore);
    // A latest attempt's task carries the call's intent (journeys branch on it).
    const latest = await db.call.findFirstOrThrow({ where: { scriptId: fixture.scriptId, outcome: "answered" }, orderBy: { attempt: "desc" }, select: { taskId: true, intent: true } });
    const later = await db.call.count({ where: { taskId: latest.taskId, attempt: { gt: 1 } } });
    if (later === 0) expect((await db.callTask.findUniqueOrThrow({ where: { id: latest.taskId } })).intent).toBe(latest.intent);

    // Done: a new request starts a new job.
    expect((await admin.callRecords.reanalyze({ scriptId: fixture.scriptId })).created).toBe(true);
  }, 60_000);

  it("never counts a chunk twice when the same step runs twice at once", async () => {
    const db = testDb();
    const job = await db.callAnalysisJob.findFirstOrThrow({ where: { scriptId: fixture.scriptId, status: "queued" } });
    await Promise.all([runCallAnalysisChunk(db, job.id, new Date(), { classifier: ruleBasedClassifier, chunkSize: 500 }), runCallAnalysisChunk(db, job.id, new Date(), { classifier: ruleBasedClassifier, chunkSize: 500 })]);
    const done = await db.callAnalysisJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(done).toMatchObject({ status: "done", processed: job.total, activeKey: null });
  });

  it("re-runs one call, and only for managers of the company", async () => {
    const [callId] = await answeredWithWords();
    const admin = await callerFor(s.a.admin.id);
    const one = await admin.callRecords.reanalyze({ scriptId: fixture.scriptId, callId });
    expect(one.job).toMatchObject({ callId, total: 1 });
    const frontDesk = await callerFor(s.a.frontDesk.id);
    await expect(frontDesk.callRecords.reanalyze({ scriptId: fixture.scriptId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await callerFor(s.b.admin.id);
    await expect(other.callRecords.reanalyze({ scriptId: fixture.scriptId })).rejects.toMatchObject({ code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/) });
    await expect(admin.callRecords.reanalyze({ scriptId: fixture.scriptId, callId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("重新分析 and clinic scope (issue 23)", () => {
  it("keeps a clinic admin's job apart from a company-wide one: neither joins, narrows nor watches the other's", async () => {
    const db = testDb();
    const admin = await callerFor(s.a.admin.id);
    const clinicAdmin = await callerFor(s.a.clinicAdmin.id);
    const own = (await db.userClinic.findMany({ where: { userId: s.a.clinicAdmin.id } })).map((u) => u.clinicId);
    const ended = { scriptId: fixture.scriptId, outcome: { not: null } } as const;
    const ownEnded = await db.call.count({ where: { ...ended, clinicId: { in: own } } });
    expect(ownEnded).toBeGreaterThan(0);
    expect(ownEnded).toBeLessThan(await db.call.count({ where: ended }));

    const companyJob = await admin.callRecords.reanalyze({ scriptId: fixture.scriptId });
    expect(companyJob.created).toBe(true);
    expect((await clinicAdmin.callRecords.analysisJob({ scriptId: fixture.scriptId }))?.id).not.toBe(companyJob.job.id);
    const clinicJob = await clinicAdmin.callRecords.reanalyze({ scriptId: fixture.scriptId });
    expect(clinicJob).toMatchObject({ created: true, job: { total: ownEnded } });
    expect(clinicJob.job.id).not.toBe(companyJob.job.id);
    expect((await clinicAdmin.callRecords.analysisJob({ scriptId: fixture.scriptId }))?.id).toBe(clinicJob.job.id);
    expect((await admin.callRecords.analysisJob({ scriptId: fixture.scriptId }))?.id).toBe(companyJob.job.id);
    // A company-wide admin asking again still gets the company-wide job, not the clinic's.
    expect((await admin.callRecords.reanalyze({ scriptId: fixture.scriptId })).job.id).toBe(companyJob.job.id);
    await db.callAnalysisJob.updateMany({ where: { id: { in: [companyJob.job.id, clinicJob.job.id] } }, data: { status: "done", activeKey: null } });
  });
});
