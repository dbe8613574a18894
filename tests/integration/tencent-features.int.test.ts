import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as webhook } from "@/app/api/carrier/webhook/route";
import { callEnded } from "@/inngest/functions/call-ended";
import { recordingReady } from "@/inngest/functions/recording-ready";
import { setCarrierForTests } from "@/server/adapters/carrier";
import { TencentCccCarrier } from "@/server/adapters/carrier/tencent-ccc/tencent-ccc-carrier";
import { setStorageForTests } from "@/server/adapters/storage";
import { InProcessDriver } from "@/server/jobs/in-process-driver";
import { setJobDeps } from "@/server/jobs/job-deps";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { startFakeTencent, type FakeTencent, type FakeTencentOptions } from "@/tests/fakes/tencent/fake-tencent";
import { MemoryStorage } from "@/tests/support/memory-storage";
import { createSmsScript, useTempDataDir } from "./carrier-fixtures";
import { createDialerCompany, createPatients, freshMobile, shanghai } from "./dialer-fixtures";
import { testDb } from "./fixtures";

/**
 * Issue 24 item 5: the vendor's own AI-call features, through the dialer, the webhook route and the jobs against the
 * fake (which answers per CreateAICall's documented parameters): voicemail detection ends as 语音信箱 and is redialled
 * like an unanswered call; 转人工 to the clinic's front-desk skill group is stored on the call; the vendor's extraction is
 * stored and read by post-call analysis.
 */
const PUSH = { username: "tccc-push", password: "features-push-password-1" };
const options: FakeTencentOptions = {
  keys: { AKIDfeat: "feat-secret" },
  // Pushes twice (as CCC may), and late enough that the Call row of a placement exists when its CDR arrives.
  ccc: { sdkAppId: 1400000031, pushAuth: PUSH, callMs: 300, duplicate: true },
  sms: { smsSdkAppId: "1", approvedTemplates: [] },
};
const storage = new MemoryStorage();
const driver = new InProcessDriver([callEnded, recordingReady], { log: () => undefined });
let fake: FakeTencent;
let receiver: Server;
let carrier: TencentCccCarrier;
let cleanUp: () => Promise<void>;
let company: Awaited<ReturnType<typeof createDialerCompany>>;

beforeAll(async () => {
  cleanUp = await useTempDataDir();
  setStorageForTests(storage);
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== "content-length").map(([k, v]) => [k, String(v)]));
      const answer = await webhook(new Request(`http://app.test${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }));
      res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  options.ccc.pushUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/carrier/webhook`;
  fake = await startFakeTencent(options);
  carrier = new TencentCccCarrier({
    client: { credential: { secretId: "AKIDfeat", secretKey: "feat-secret" }, region: "ap-guangzhou", profile: { httpProfile: { endpoint: fake.endpoint, protocol: "http://", reqTimeout: 10 } } },
    sdkAppId: 1400000031,
    callers: ["02150000000"],
    llmType: "openai",
    llmApiUrl: "https://llm.example.com/v1",
    llmApiKey: "sk",
    voiceType: "ZhiMei",
    pushUsername: PUSH.username,
    pushPassword: PUSH.password,
  });
  (globalThis as unknown as { __zwJobDriver?: InProcessDriver }).__zwJobDriver = driver;
  setCarrierForTests(carrier);
  setJobDeps(async () => ({ db: testDb(), carrier, now: () => new Date(), workerId: "tfeat" }));
  company = await createDialerCompany("tfeat");
});

afterAll(async () => {
  (globalThis as unknown as { __zwJobDriver?: InProcessDriver }).__zwJobDriver = undefined;
  setCarrierForTests(undefined);
  setJobDeps(undefined);
  setStorageForTests(undefined);
  await fake?.close();
  await new Promise<void>((r) => receiver.close(() => r()));
  await cleanUp();
});

/** Places one call per mobile (one script, clinic 一店) and waits until every result is in and the jobs have run. */
async function callAll(mobiles: string[], at: Date) {
  const db = testDb();
  const script = await createSmsScript(company.companyId, company.clinicIds, { hangupSms: false });
  const patients: { id: string }[] = [];
  for (const mobile of mobiles) patients.push(...(await createPatients(company.companyId, company.clinicIds[0]!, 1, { mobile })));
  await db.$transaction(async (tx) => {
    const loaded = (await loadScriptForTasks(tx, company.companyId, script.id))!;
    await insertCallTasks(tx, { companyId: company.companyId, script: loaded, seeds: patients.map((p) => ({ patientId: p.id })), source: "batch", now: at });
  });
  const tick = await runDialerTick(db, { now: at, workerId: "tfeat", companyId: company.companyId });
  expect(tick.claimed).toHaveLength(mobiles.length);
  for (const claim of tick.claimed) expect((await placeClaimedCall(db, carrier, claim, at)).status).toBe("placed");
  await expect
    .poll(async () => {
      await fake.pusher.idle();
      await driver.drain();
      return db.call.count({ where: { scriptId: script.id, outcome: { not: null } } });
    }, { timeout: 20_000, interval: 300 })
    .toBe(mobiles.length);
  await driver.drain();
  const calls = await db.call.findMany({ where: { scriptId: script.id }, include: { task: true } });
  return (mobile: string) => calls.find((c) => c.mobile === mobile)!;
}

const requestTo = (mobile: string) => [...fake.ccc.sessions.values()].find((s) => s.callee.endsWith(mobile))!.request;

describe("Tencent CCC call features (CreateAICall parameters) against the fake", () => {
  it("sends the company's defaults; voicemail → 语音信箱, not answered, redialled; 转人工 shown; extraction stored and analysed", async () => {
    const db = testDb();
    await db.clinic.update({ where: { id: company.clinicIds[0]! }, data: { frontDeskSkillGroupId: 3001 } });
    const voicemail = `${freshMobile().slice(0, 9)}11`;
    const transfer = `${freshMobile().slice(0, 9)}12`;
    const extracted = `${freshMobile().slice(0, 9)}13`;
    const plain = `${freshMobile().slice(0, 9)}14`; // the same conversation, nothing extracted
    fake.ccc.behaviour.set(voicemail, "voicemail");
    fake.ccc.behaviour.set(transfer, "asksForPerson");
    fake.ccc.extractAnswers.set(extracted, { 是否同意预约: { Boolean: true }, 期望到店时间: { Text: "周六上午" }, 是否需要人工回电: { Boolean: true } });

    const call = await callAll([voicemail, transfer, extracted, plain], shanghai(10));

    const sent = requestTo(voicemail);
    expect(sent).toMatchObject({ EnableVoicemailDetection: true, VoicemailAction: 0, MaxRingTimeoutSecond: 45, AcquireTimeoutSecond: 5, NotifyDuration: 10, MaxDuration: 40_000 });
    expect((sent.ExtractConfig as { InfoName: string }[]).map((e) => e.InfoName)).toEqual(["是否同意预约", "期望到店时间", "是否需要人工回电"]);
    expect(sent.Variables).toContainEqual({ Key: "clinicShortName", Value: "一店" });
    expect(sent.TransferItems).toEqual([expect.objectContaining({ TransferSkillGroupId: 3001 })]);

    // 222 voiceMailReached → 语音信箱: not answered, redialled per the calling rules (2 attempts by default).
    expect(call(voicemail)).toMatchObject({ outcome: "voicemail", rawCode: "222:voiceMailReached", answeredAt: null, transferredTo: null });
    expect(call(voicemail).task).toMatchObject({ status: "pending", reason: "redialScheduled" });
    expect(call(voicemail).task.nextAttemptAt).not.toBeNull();

    expect(call(transfer)).toMatchObject({ outcome: "answered" });
    expect(call(transfer).transferredTo).toContain("技能组3001");

    expect(call(extracted).vendorExtraction).toEqual({ agreedToBook: true, preferredTime: "周六上午", callbackRequested: true });
    // Post-call analysis read the extraction: 需回电 and the proposed time, though the patient's words alone say neither.
    expect(call(extracted)).toMatchObject({ callbackRequested: true, proposedTime: "周六上午" });
    expect(call(plain)).toMatchObject({ outcome: "answered", vendorExtraction: null, callbackRequested: false, proposedTime: null });
  }, 60_000);

  it("follows the company's setting: detection off → the voicemail is answered and our classifier files it as 语音信箱; no transfer without a front desk", async () => {
    const db = testDb();
    await db.company.update({ where: { id: company.companyId }, data: { aiCallFeatures: { voicemailDetection: false, acquireTimeoutSeconds: 0, maxRingSeconds: 30, extraction: false } } });
    await db.clinic.update({ where: { id: company.clinicIds[0]! }, data: { frontDeskSkillGroupId: null } });
    const voicemail = `${freshMobile().slice(0, 9)}21`;
    const asks = `${freshMobile().slice(0, 9)}22`;
    fake.ccc.behaviour.set(voicemail, "voicemail");
    fake.ccc.behaviour.set(asks, "asksForPerson");

    const call = await callAll([voicemail, asks], shanghai(11));

    const sent = requestTo(voicemail);
    expect(sent).toMatchObject({ EnableVoicemailDetection: false, AcquireTimeoutSecond: 0, MaxRingTimeoutSecond: 30 });
    expect(sent).not.toHaveProperty("VoicemailAction");
    expect(sent).not.toHaveProperty("ExtractConfig");
    expect(sent).not.toHaveProperty("TransferItems");
    expect(call(voicemail)).toMatchObject({ outcome: "voicemail", rawCode: "1:ok", vendorExtraction: null });
    expect(call(voicemail).task).toMatchObject({ status: "pending", reason: "redialScheduled" });
    expect(call(asks)).toMatchObject({ outcome: "answered", transferredTo: null });
  }, 60_000);

  it("a value outside CreateAICall's documented range is refused by the fake (InvalidParameterValue), the bounds keep ours inside", async () => {
    const { aiCallFeaturesOf } = await import("@/server/domain/vendor/ai-call-features");
    expect(aiCallFeaturesOf({ acquireTimeoutSeconds: 30, silence: { promptAfterSeconds: 3 } })).toMatchObject({ acquireTimeoutSeconds: 5, silence: { promptAfterSeconds: 10 } });
    const client = (carrier as unknown as { client: { CreateAICall: (r: object) => Promise<unknown> } }).client;
    await expect(client.CreateAICall({ SdkAppId: 1400000031, Callee: "008613800000001", LLMType: "openai", APIKey: "k", APIUrl: "u", AcquireTimeoutSecond: 9 })).rejects.toMatchObject({ code: "InvalidParameterValue" });
  });
});
