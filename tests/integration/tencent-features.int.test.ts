import { beforeAll, describe, expect, it } from "vitest";
import { TencentCccCarrier } from "@/server/adapters/carrier/tencent-ccc/tencent-ccc-carrier";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import type { FakeTencent } from "@/tests/fakes/tencent/fake-tencent";
import { createSmsScript } from "./carrier-fixtures";
import { createPatients, freshMobile, shanghai } from "./dialer-fixtures";
import { callerFor, testDb } from "./fixtures";
import { setUpTencentCccWorld, type TencentCccWorld } from "./tencent-ccc-world";

/**
 * Issue 24 item 5: the vendor's own AI-call features, through the dialer, the webhook route and the jobs against the
 * fake (which answers per CreateAICall's documented parameters): voicemail detection ends as 语音信箱 and is redialled
 * like an unanswered call; 转人工 to the clinic's front-desk skill group is stored on the call; the vendor's extraction is
 * stored and read by post-call analysis.
 */
const PUSH = { username: "tccc-push", password: "features-push-password-1" };
const world = setUpTencentCccWorld({ key: "tfeat", secretId: "AKIDfeat", secretKey: "feat-secret", sdkAppId: 1400000031, push: PUSH, ccc: { callMs: 300, duplicate: true } /* pushes twice (as CCC may), late enough that the placement's Call row exists when its CDR arrives */ });
const { driver } = world;
let fake: FakeTencent;
let carrier: TencentCccCarrier;
let company: TencentCccWorld["company"];
beforeAll(() => void ({ fake, carrier, company } = world));

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
    const rangOut = `${freshMobile().slice(0, 9)}15`; // asks for a person; the front desk's seat rings, nobody answers
    fake.ccc.behaviour.set(voicemail, "voicemail");
    fake.ccc.behaviour.set(transfer, "asksForPerson");
    fake.ccc.behaviour.set(rangOut, "asksForPersonNobodyAnswers");
    fake.ccc.extractAnswers.set(extracted, { 是否同意预约: { Boolean: true }, 期望到店时间: { Text: "周六上午" }, 是否需要人工回电: { Boolean: true } });

    const call = await callAll([voicemail, transfer, extracted, plain, rangOut], shanghai(10));

    const sent = requestTo(voicemail);
    expect(sent).toMatchObject({ EnableVoicemailDetection: true, VoicemailAction: 0, MaxRingTimeoutSecond: 45, AcquireTimeoutSecond: 5, NotifyDuration: 10, MaxDuration: 40_000 });
    expect((sent.ExtractConfig as { InfoName: string }[]).map((e) => e.InfoName)).toEqual(["是否同意预约", "期望到店时间", "是否需要人工回电"]);
    expect(sent.Variables).toContainEqual({ Key: "clinicShortName", Value: "一店" });
    expect(sent.TransferItems).toEqual([expect.objectContaining({ TransferSkillGroupId: 3001 })]);

    // 222 voiceMailReached → 语音信箱: not answered, redialled per the calling rules (2 attempts by default).
    expect(call(voicemail)).toMatchObject({ outcome: "voicemail", rawCode: "222:voiceMailReached", answeredAt: null, transferredTo: null });
    expect(call(voicemail).task).toMatchObject({ status: "pending", reason: "redialScheduled" });
    expect(call(voicemail).task.nextAttemptAt).not.toBeNull();

    expect(call(transfer)).toMatchObject({ outcome: "answered", transferAnswered: true });
    expect(call(transfer).transferredTo).toContain("技能组3001");
    // The leg in ServeParticipants rang without an AcceptTimestamp: handed over, nobody answered → 转人工未接通 task.
    expect(call(rangOut)).toMatchObject({ outcome: "answered", transferAnswered: false });
    expect(call(rangOut).transferredTo).toContain("技能组3001");
    expect(call(plain)).toMatchObject({ transferredTo: null, transferAnswered: null });
    const missed = await db.followUpTask.findMany({ where: { callId: { in: [call(rangOut).id, call(transfer).id] }, reason: "transferUnanswered" } });
    expect(missed.map((t) => t.callId)).toEqual([call(rangOut).id]);
    // Nobody owns these patients: the clinic's first active 前台 (by id), per the assignment rule.
    const frontDesk = await db.user.findFirst({
      where: { companyId: company.companyId, active: true, role: { key: "frontDesk" }, OR: [{ allClinics: true }, { userClinics: { some: { clinicId: company.clinicIds[0]! } } }] },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    expect(missed[0]!.executorId).toBe(frontDesk?.id ?? null);

    expect(call(extracted).vendorExtraction).toEqual({ agreedToBook: true, preferredTime: "周六上午", callbackRequested: true });
    // Post-call analysis read the extraction: 需回电 and the proposed time, though the patient's words alone say neither.
    expect(call(extracted)).toMatchObject({ callbackRequested: true, proposedTime: "周六上午" });
    expect(call(plain)).toMatchObject({ outcome: "answered", vendorExtraction: null, callbackRequested: false, proposedTime: null });

    // 通话详情 shows the transfer and the extraction; the transcript came with the result (nothing pending).
    const asAdmin = await callerFor(company.admin.id);
    expect(await asAdmin.callRecords.byId({ id: call(transfer).id })).toMatchObject({ transferredTo: expect.stringContaining("技能组3001"), transferAnswered: true, transcriptPending: false });
    expect(await asAdmin.callRecords.byId({ id: call(rangOut).id })).toMatchObject({ transferAnswered: false });
    expect(await asAdmin.callRecords.byId({ id: call(extracted).id })).toMatchObject({ vendorExtraction: { agreedToBook: true, preferredTime: "周六上午", callbackRequested: true } });
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

    // A transcript fetch that fails: the result stands and 通话详情 says 「对话记录获取中」 until the turns come.
    const late = `${freshMobile().slice(0, 9)}23`;
    fake.failNext("DescribeAICallInteractionRecords", "InternalError", "InternalError", "InternalError", "InternalError");
    const pending = await callAll([late], shanghai(12));
    const record = await (await callerFor(company.admin.id)).callRecords.byId({ id: pending(late).id });
    expect(record).toMatchObject({ outcome: "answered", transcriptPending: true, transcript: [] });
  }, 60_000);

  it("a value outside CreateAICall's documented range is refused by the fake (InvalidParameterValue), the bounds keep ours inside", async () => {
    const { aiCallFeaturesOf } = await import("@/server/domain/vendor/ai-call-features");
    expect(aiCallFeaturesOf({ acquireTimeoutSeconds: 30, silence: { promptAfterSeconds: 3 } })).toMatchObject({ acquireTimeoutSeconds: 5, silence: { promptAfterSeconds: 10 } });
    const client = (carrier as unknown as { client: { CreateAICall: (r: object) => Promise<unknown> } }).client;
    await expect(client.CreateAICall({ SdkAppId: 1400000031, Callee: "008613800000001", LLMType: "openai", APIKey: "k", APIUrl: "u", AcquireTimeoutSecond: 9 })).rejects.toMatchObject({ code: "InvalidParameterValue" });
  });
});
