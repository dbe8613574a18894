import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TencentCccCarrier } from "@/server/adapters/carrier/tencent-ccc/tencent-ccc-carrier";
import { clientRefOf } from "@/server/domain/call-tasks/client-ref";
import { HOLD_PROBE_EVERY_MS, UNKNOWN_CODE_HOLD_AFTER, VENDOR_REFUSAL_CAP } from "@/server/domain/vendor/vendor-errors";
import type { CarrierEvent, CarrierPort } from "@/server/ports/carrier";
import { reconcileCarrierCalls } from "@/server/services/calls/carrier/reconcile-carrier-calls";
import { getCallingHold } from "@/server/services/dialer/outbound/get-calling-hold";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { startFakeTencent, type FakeTencent } from "@/tests/fakes/tencent/fake-tencent";
import { attemptCompleted, createDialerCompany, createPatients, createScript, FakeCarrier, minutes, shanghai } from "./dialer-fixtures";
import { testDb } from "./fixtures";

/**
 * Each disposition of the documented error table (server/domain/vendor/vendor-errors.ts) through the dialer, with the
 * Tencent CCC adapter against the fake answering one documented code: nothing retries without bound, an account-level
 * code holds the company within one tick and a probe that is accepted resumes it.
 */
let fake: FakeTencent;
let carrier: TencentCccCarrier;

beforeAll(async () => {
  fake = await startFakeTencent({ keys: { AKIDdisp: "disp-secret" }, ccc: { sdkAppId: 1400000010, callMs: 30_000 }, sms: { smsSdkAppId: "1", approvedTemplates: [] } });
  carrier = new TencentCccCarrier({
    client: { credential: { secretId: "AKIDdisp", secretKey: "disp-secret" }, region: "ap-guangzhou", profile: { httpProfile: { endpoint: fake.endpoint, protocol: "http://", reqTimeout: 10 } } },
    sdkAppId: 1400000010,
    callers: ["02150000000"],
    llmType: "openai",
    llmApiUrl: "https://llm.example.com/v1",
    llmApiKey: "sk",
    voiceType: "ZhiMei",
    pushUsername: "u",
    pushPassword: "p",
  });
});
afterAll(async () => {
  await fake?.close();
});

/** A fresh company with one pending task; returns what the test needs to claim and place it. */
async function oneTask(key: string, now: Date) {
  const db = testDb();
  const company = await createDialerCompany(key);
  const script = await createScript(company.companyId, company.clinicIds);
  const [patient] = await createPatients(company.companyId, company.clinicIds[0]!, 1);
  await db.$transaction(async (tx) => {
    const loaded = (await loadScriptForTasks(tx, company.companyId, script.id))!;
    await insertCallTasks(tx, { companyId: company.companyId, script: loaded, seeds: [{ patientId: patient!.id }], source: "batch", now });
  });
  const task = await db.callTask.findFirstOrThrow({ where: { scriptId: script.id } });
  return { db, company, script, task };
}

async function claimAndPlace(companyId: string, at: Date, c: CarrierPort = carrier) {
  const db = testDb();
  const tick = await runDialerTick(db, { now: at, workerId: "disp", companyId });
  const results = [];
  for (const claim of tick.claimed) results.push(await placeClaimedCall(db, c, claim, at));
  return { tick, results };
}

describe("documented CCC error codes → dispositions, through the dialer", { timeout: 60_000 }, () => {
  it("patientNotNow (per-callee daily rule): the task waits a day with the named reason, never a 60 s loop", async () => {
    const at = shanghai(10);
    const { db, company, task } = await oneTask("disp-day", at);
    fake.failNext("CreateAICall", "FailedOperation.CalloutRuleMaxCallCountCalleePerDayAppID");
    const { results } = await claimAndPlace(company.companyId, at);
    expect(results).toEqual([{ status: "retryLater", reason: "vendor:ccc:FailedOperation.CalloutRuleMaxCallCountCalleePerDayAppID" }]);
    expect(await db.callTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "pending", attempt: 0, vendorRefusals: 1, nextAttemptAt: minutes(at, 24 * 60) });
    expect((await runDialerTick(db, { now: minutes(at, 1), workerId: "disp", companyId: company.companyId })).claimed).toEqual([]);
  });

  it("patientNotNow (vendor blacklist): intercepted for good", async () => {
    const at = shanghai(10);
    const { db, company, task } = await oneTask("disp-black", at);
    fake.failNext("CreateAICall", "FailedOperation.CalleeIsBlackUser");
    await claimAndPlace(company.companyId, at);
    expect(await db.callTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "intercepted", reason: "vendor:ccc:FailedOperation.CalleeIsBlackUser" });
  });

  it("badNumber: the task fails", async () => {
    const at = shanghai(10);
    const { db, company, task } = await oneTask("disp-num", at);
    fake.failNext("CreateAICall", "InvalidParameter.InvalidPhoneNumber");
    await claimAndPlace(company.companyId, at);
    expect(await db.callTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "failed", reason: "vendor:ccc:InvalidParameter.InvalidPhoneNumber" });
  });

  it("ourBug: the task fails with the code shown", async () => {
    const at = shanghai(10);
    const { db, company, task } = await oneTask("disp-bug", at);
    fake.failNext("CreateAICall", "InvalidParameterValue");
    await claimAndPlace(company.companyId, at);
    expect(await db.callTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "failed", reason: "vendor:ccc:InvalidParameterValue" });
  });

  it("slowDown: growing delays, then the task stops at the cap", async () => {
    let at = shanghai(10);
    const { db, company, task } = await oneTask("disp-slow", at);
    const waits: number[] = [];
    for (let i = 0; i < VENDOR_REFUSAL_CAP; i++) {
      fake.failNext("CreateAICall", "FailedOperation.AIConcurrentOverFrequency");
      await claimAndPlace(company.companyId, at);
      const row = await db.callTask.findUniqueOrThrow({ where: { id: task.id } });
      if (row.status !== "pending") break;
      waits.push((row.nextAttemptAt.getTime() - at.getTime()) / 60_000);
      at = row.nextAttemptAt;
    }
    expect(waits).toEqual([1, 2, 4, 8, 16]);
    expect(await db.callTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "failed", reason: "vendor:ccc:FailedOperation.AIConcurrentOverFrequency" });
  });

  it("accountHold (package expired): the company is held within one tick, shown with its cause, and a probe that is accepted resumes it", async () => {
    const at = shanghai(10);
    const { db, company, task } = await oneTask("disp-hold", at);
    fake.failNext("CreateAICall", "LimitExceeded.BasePackageExpired");
    const first = await claimAndPlace(company.companyId, at);
    expect(first.results).toEqual([{ status: "held", reason: "vendor:ccc:LimitExceeded.BasePackageExpired" }]);
    expect(await db.callTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "pending", attempt: 0, vendorRefusals: 0 });
    const hold = await getCallingHold(db, { companyId: company.companyId, clinicIds: company.clinicIds });
    expect(hold?.reason["zh-CN"]).toContain("套餐包已耗尽或过期");
    expect(hold?.fix["zh-CN"]).toContain("云联络中心控制台");
    // Nothing is claimed while held …
    expect((await runDialerTick(db, { now: minutes(at, 1), workerId: "disp", companyId: company.companyId })).claimed).toEqual([]);
    // … until the probe time: one call goes out; accepted, the hold ends.
    const probe = await claimAndPlace(company.companyId, new Date(at.getTime() + HOLD_PROBE_EVERY_MS + 1000));
    expect(probe.results.map((r) => r.status)).toEqual(["placed"]);
    expect(await getCallingHold(db, { companyId: company.companyId, clinicIds: company.clinicIds })).toBeNull();
  });

  it("an unplaceable code in a row holds the account after the streak instead of retrying forever", async () => {
    let at = shanghai(10);
    const { db, company } = await oneTask("disp-unknown", at);
    for (let i = 0; i < UNKNOWN_CODE_HOLD_AFTER; i++) {
      fake.failNext("CreateAICall", "FailedOperation");
      await claimAndPlace(company.companyId, at);
      const row = await db.callTask.findFirstOrThrow({ where: { companyId: company.companyId } });
      at = row.nextAttemptAt > at ? row.nextAttemptAt : at;
    }
    expect((await db.company.findUniqueOrThrow({ where: { id: company.companyId } })).callingHoldCode).toBe("vendor:ccc:FailedOperation");
  });

  it("outcomeUnknown (InternalError): the claim stays placing for reconciliation, not retried at once", async () => {
    const at = shanghai(10);
    const { db, company, task } = await oneTask("disp-internal", at);
    fake.failNext("CreateAICall", "InternalError");
    const tick = await runDialerTick(db, { now: at, workerId: "disp", companyId: company.companyId });
    await expect(placeClaimedCall(db, carrier, tick.claimed[0]!, at)).rejects.toThrow();
    expect(await db.callTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "dialing", placingAt: at });
  });
});

describe("reconciliation isolates each call", { timeout: 60_000 }, () => {
  it("one session that keeps failing does not keep 20 others from settling", async () => {
    const db = testDb();
    const at = shanghai(10);
    const company = await createDialerCompany("disp-recon", { seatLimit: 50, seatsPerScript: 50, dialsPerMinuteScript: 50 });
    const script = await createScript(company.companyId, company.clinicIds);
    const patients = await createPatients(company.companyId, company.clinicIds[0]!, 21);
    await db.$transaction(async (tx) => {
      const loaded = (await loadScriptForTasks(tx, company.companyId, script.id))!;
      await insertCallTasks(tx, { companyId: company.companyId, script: loaded, seeds: patients.map((p) => ({ patientId: p.id })), source: "batch", now: at });
    });
    const placing = new FakeCarrier();
    const { results } = await claimAndPlace(company.companyId, at, placing);
    expect(results.filter((r) => r.status === "placed")).toHaveLength(21);
    const calls = await db.call.findMany({ where: { companyId: company.companyId }, orderBy: { dialedAt: "asc" } });
    const broken = calls[0]!.carrierCallId!; // the oldest: polled first
    const later = minutes(at, 10);
    const reconciling: CarrierPort = {
      createCall: placing.createCall.bind(placing),
      cancelCall: placing.cancelCall.bind(placing),
      refreshRecording: placing.refreshRecording.bind(placing),
      servesRecordingsFrom: placing.servesRecordingsFrom.bind(placing),
      parseCallback: placing.parseCallback.bind(placing),
      getCall: async (id: string): Promise<CarrierEvent[] | null> => {
        if (id === broken) throw new Error("DescribeTelCdr: InternalError");
        const call = calls.find((c) => c.carrierCallId === id)!;
        return [attemptCompleted(clientRefOf(call.taskId, call.attempt), "noAnswer", { carrierCallId: id, endedAt: minutes(at, 2) })];
      },
    };
    const dispatched: unknown[] = [];
    const result = await reconcileCarrierCalls(db, reconciling, async (jobs) => void dispatched.push(...jobs), later, company.companyId);
    expect(result).toMatchObject({ polled: 21, failed: 1, found: 20 });
    // Each of the 20 results is recorded and handed to the call-ended job; the broken one is asked again next sweep.
    expect(dispatched).toHaveLength(20);
    const recorded = await db.carrierEvent.findMany({ where: { type: "attempt.completed", call: { companyId: company.companyId } }, select: { call: { select: { carrierCallId: true } } } });
    expect(recorded.map((e) => e.call?.carrierCallId).sort()).toEqual(calls.slice(1).map((c) => c.carrierCallId).sort());
  });
});

describe("a result applied without its conversation", { timeout: 60_000 }, () => {
  it("gets its turns from a later sweep (fetchTurns), call by call", async () => {
    const db = testDb();
    const at = shanghai(10);
    const company = await createDialerCompany("disp-turns");
    const script = await createScript(company.companyId, company.clinicIds);
    const patients = await createPatients(company.companyId, company.clinicIds[0]!, 1);
    await db.$transaction(async (tx) => {
      const loaded = (await loadScriptForTasks(tx, company.companyId, script.id))!;
      await insertCallTasks(tx, { companyId: company.companyId, script: loaded, seeds: patients.map((p) => ({ patientId: p.id })), source: "batch", now: at });
    });
    const placing = new FakeCarrier();
    await claimAndPlace(company.companyId, at, placing);
    const call = await db.call.findFirstOrThrow({ where: { companyId: company.companyId } });
    const result = { ...attemptCompleted(clientRefOf(call.taskId, call.attempt), "answered", { carrierCallId: call.carrierCallId!, endedAt: minutes(at, 2) }), turns: [], rounds: 0, transcriptPending: true };
    const stub = (turns: () => Promise<{ speaker: "ai" | "patient"; text: string; at: number }[] | null>): CarrierPort => ({
      createCall: placing.createCall.bind(placing),
      cancelCall: placing.cancelCall.bind(placing),
      refreshRecording: placing.refreshRecording.bind(placing),
      servesRecordingsFrom: placing.servesRecordingsFrom.bind(placing),
      parseCallback: placing.parseCallback.bind(placing),
      getCall: async () => [result],
      fetchTurns: () => turns(),
    });
    await reconcileCarrierCalls(db, stub(async () => { throw new Error("InternalError"); }), async () => undefined, minutes(at, 10), company.companyId);
    const first = await db.carrierEvent.findFirstOrThrow({ where: { carrierCallId: call.carrierCallId!, type: "attempt.completed" } });
    expect(first.payload).toMatchObject({ transcriptPending: true });
    await reconcileCarrierCalls(db, stub(async () => [{ speaker: "ai", text: "您好", at: 0 }, { speaker: "patient", text: "好的", at: 2 }]), async () => undefined, minutes(at, 11), company.companyId);
    expect((await db.call.findUniqueOrThrow({ where: { id: call.id } })).transcript).toEqual([{ speaker: "ai", text: "您好", at: 0 }, { speaker: "patient", text: "好的", at: 2 }]);
    expect((await db.carrierEvent.findUniqueOrThrow({ where: { id: first.id } })).payload).toMatchObject({ transcriptPending: false });
  });
});
