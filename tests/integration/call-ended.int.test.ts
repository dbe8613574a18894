import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callEnded, callEndedPipeline } from "@/inngest/functions/call-ended";
import { setStorageForTests } from "@/server/adapters/storage";
import { setSmsForTests } from "@/server/adapters/sms";
import { SimulatorSms } from "@/server/adapters/sms/simulator-sms";
import { simulatorStorage } from "@/server/adapters/carrier/simulator";
import type { RecordingReady } from "@/server/ports/carrier";
import { clientRefOf } from "@/server/domain/call-tasks/client-ref";
import { dispatchCarrierJobs } from "@/server/services/calls/carrier/dispatch-carrier-jobs";
import { reconcileCarrierCalls } from "@/server/services/calls/carrier/reconcile-carrier-calls";
import { ruleBasedClassifier } from "@/server/adapters/intent";
import { classifyCallIntent } from "@/server/services/calls/classify-call-intent";
import { storeCallRecording } from "@/server/services/calls/store-call-recording";
import { INSUFFICIENT_SMS_QUOTA } from "@/server/services/sms/send-hangup-sms";
import { MemoryStorage } from "@/tests/support/memory-storage";
import { buildCallScript } from "@/server/services/dialer/build-call-script";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { testDb } from "./fixtures";
import { createDialerCompany, createPatients, shanghai } from "./dialer-fixtures";
import { CarrierHarness, NO_FAULTS, createSmsScript, simMobile, useTempDataDir } from "./carrier-fixtures";

const storage = new MemoryStorage();
let company: Awaited<ReturnType<typeof createDialerCompany>>;

let cleanUp: () => Promise<void>;

beforeAll(async () => {
  cleanUp = await useTempDataDir();
  setStorageForTests(storage);
  setSmsForTests(new SimulatorSms());
  company = await createDialerCompany("carrend");
});
afterAll(async () => {
  setStorageForTests(undefined);
  setSmsForTests(undefined);
  await cleanUp();
});

async function dial(harness: CarrierHarness, companyId: string, clinicIds: string[], mobiles: string[]) {
  const script = await createSmsScript(companyId, clinicIds);
  const patients = [];
  for (const mobile of mobiles) patients.push(...(await createPatients(companyId, clinicIds[0]!, 1, { mobile })));
  await harness.dial(companyId, script.id, patients.map((p) => p.id));
  const tasks = await testDb().callTask.findMany({ where: { scriptId: script.id }, select: { id: true, mobile: true } });
  return { script, taskOf: (m: string) => tasks.find((t) => t.mobile === m)!.id };
}

describe("reconciliation", () => {
  it("finds a result whose push was dropped by polling the carrier", async () => {
    const harness = new CarrierHarness(shanghai(10), { ...NO_FAULTS, drop: 1 }, simulatorStorage());
    const uninstall = harness.install();
    try {
      const busy = simMobile(0, "72");
      const { taskOf } = await dial(harness, company.companyId, company.clinicIds, [busy]);
      await harness.run(120);
      const db = testDb();
      const call = await db.call.findFirstOrThrow({ where: { taskId: taskOf(busy) } });
      expect(call.outcome).toBeNull(); // the record was never pushed
      expect(await db.callTask.findUniqueOrThrow({ where: { id: taskOf(busy) } })).toMatchObject({ status: "inCall" });

      harness.now += 3 * 60_000;
      const result = await reconcileCarrierCalls(db, harness.sim, dispatchCarrierJobs, new Date(harness.now), company.companyId);
      expect(result).toMatchObject({ found: 1, lost: 0 });
      await harness.driver.drain();
      expect(await db.call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ outcome: "busy", rawCode: "USER_BUSY" });
      expect(await db.callTask.findUniqueOrThrow({ where: { id: taskOf(busy) } })).toMatchObject({ status: "pending", reason: "redialScheduled" });
      // Polling again finds nothing new.
      expect((await reconcileCarrierCalls(db, harness.sim, dispatchCarrierJobs, new Date(harness.now + 60_000), company.companyId)).found).toBe(0);
    } finally {
      uninstall();
    }
  }, 60_000);

  it("closes a call the carrier lost as failed, so the task redials", async () => {
    const harness = new CarrierHarness(shanghai(11), NO_FAULTS, simulatorStorage());
    const uninstall = harness.install();
    try {
      const mobile = simMobile(0, "30");
      const { taskOf } = await dial(harness, company.companyId, company.clinicIds, [mobile]);
      harness.sim.state.calls.clear(); // the carrier forgets the call (e.g. restarted)
      harness.sim.state.outbox.length = 0;
      const db = testDb();
      harness.now += 4 * 60_000;
      expect((await reconcileCarrierCalls(db, harness.sim, dispatchCarrierJobs, new Date(harness.now), company.companyId)).lost).toBe(0); // not yet given up
      harness.now += 2 * 60_000; // LOST_AFTER_MS (5 min) after dialing
      // (The first test's busy number was redialed by this tick too: both calls are lost with the carrier's memory.)
      expect((await reconcileCarrierCalls(db, harness.sim, dispatchCarrierJobs, new Date(harness.now), company.companyId)).lost).toBeGreaterThanOrEqual(1);
      await harness.driver.drain();
      const call = await db.call.findFirstOrThrow({ where: { taskId: taskOf(mobile) } });
      expect(call).toMatchObject({ outcome: "failed", rawCode: "CARRIER_CALL_UNKNOWN" });
      expect(await db.callTask.findUniqueOrThrow({ where: { id: taskOf(mobile) } })).toMatchObject({ status: "pending", reason: "redialScheduled" });
    } finally {
      uninstall();
    }
  }, 60_000);
});

describe("a recording that beats our own record of the dial", () => {
  it("waits for the call's row and is copied by the call-ended pipeline", async () => {
    const harness = new CarrierHarness(shanghai(14), { ...NO_FAULTS, reorder: 1 }, simulatorStorage());
    const uninstall = harness.install();
    try {
      const db = testDb();
      const mobile = simMobile(0, "22");
      const script = await createSmsScript(company.companyId, company.clinicIds);
      const [patient] = await createPatients(company.companyId, company.clinicIds[0]!, 1, { mobile });
      await db.$transaction(async (tx) => {
        const loaded = (await loadScriptForTasks(tx, company.companyId, script.id))!;
        await insertCallTasks(tx, { companyId: company.companyId, script: loaded, seeds: [{ patientId: patient!.id }], source: "batch", now: new Date(harness.now) });
      });
      const tick = await runDialerTick(db, { now: new Date(harness.now), workerId: "carr", companyId: company.companyId });
      const claim = tick.claimed.find((c) => c.scriptId === script.id)!;
      // The carrier accepted, but we crashed before writing the Call row.
      const built = await buildCallScript(db, claim.taskId, new Date(harness.now));
      if (!built.ok) throw new Error(built.reason);
      await harness.sim.createCall({ ...built.input, clientRef: clientRefOf(claim.taskId, claim.attempt) });
      await harness.run(200);

      const call = await db.call.findUniqueOrThrow({ where: { taskId_attempt: { taskId: claim.taskId, attempt: claim.attempt } }, include: { recording: true } });
      expect(call.outcome).toBe("answered");
      expect(call.recording).not.toBeNull();
      const events = await db.carrierEvent.findMany({ where: { carrierCallId: call.carrierCallId! }, orderBy: { receivedAt: "asc" } });
      expect(events.filter((e) => e.type !== "call.state").map((e) => e.type)).toEqual(["recording.ready", "attempt.completed"]);
      expect(events.every((e) => e.processedAt !== null)).toBe(true);
    } finally {
      uninstall();
    }
  }, 60_000);
});

describe("hang-up SMS rules", () => {
  it("records an SMS that could not be paid as failed with the reason, and never texts 停机 / 空号", async () => {
    const poor = await createDialerCompany("carrsms");
    const db = testDb();
    const balance = await db.smsQuotaEntry.aggregate({ where: { companyId: poor.companyId }, _sum: { delta: true } });
    await db.smsQuotaEntry.create({ data: { companyId: poor.companyId, delta: -(balance._sum.delta ?? 0), reason: "adjustment" } });
    const harness = new CarrierHarness(shanghai(12), NO_FAULTS, simulatorStorage());
    const uninstall = harness.install();
    try {
      const answered = simMobile(0, "20");
      const suspended = simMobile(0, "92");
      const { taskOf } = await dial(harness, poor.companyId, poor.clinicIds, [answered, suspended]);
      await harness.run(200);
      const a = await db.call.findFirstOrThrow({ where: { taskId: taskOf(answered) }, include: { smsMessage: true } });
      expect(a.smsMessage).toMatchObject({ status: "failed", error: INSUFFICIENT_SMS_QUOTA });
      const s = await db.call.findFirstOrThrow({ where: { taskId: taskOf(suspended) }, include: { smsMessage: true } });
      expect(s).toMatchObject({ outcome: "suspended", smsMessage: null });
      expect(await db.smsQuotaEntry.count({ where: { companyId: poor.companyId, reason: "hangupSms" } })).toBe(0);
    } finally {
      uninstall();
    }
  }, 60_000);
});

describe("recording copy and intent re-run", () => {
  let harness: CarrierHarness;
  let uninstall: () => void;
  let callId: string;
  beforeAll(async () => {
    harness = new CarrierHarness(shanghai(13), NO_FAULTS, simulatorStorage());
    uninstall = harness.install();
    const mobile = simMobile(2, "21");
    const { taskOf } = await dial(harness, company.companyId, company.clinicIds, [mobile]);
    await harness.run(200);
    callId = (await testDb().call.findFirstOrThrow({ where: { taskId: taskOf(mobile) } })).id;
  }, 60_000);
  afterAll(() => uninstall());

  it("refreshes an expired link, copies the audio once, and leaves an existing copy alone", async () => {
    const db = testDb();
    const row = await db.carrierEvent.findFirstOrThrow({ where: { callId, type: "recording.ready" } });
    const event = row.payload as unknown as RecordingReady;
    const first = await db.recording.findUniqueOrThrow({ where: { callId } });
    await db.recording.delete({ where: { callId } });
    await storage.delete(first.storageKey);

    // The pushed link has expired: a 403 from the carrier's store, then a refreshed link that works.
    const later = Date.parse(event.expiresAt) + 60_000;
    harness.now = later;
    const seen: number[] = [];
    const viaFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      seen.push(res.status);
      return res;
    };
    expect(await storeCallRecording(db, { ...event }, { carrier: harness.sim, storage, fetch: viaFetch, now: () => new Date(0) })).toEqual({ status: "stored", callId });
    expect(seen).toEqual([403, 200]);
    const copy = await db.recording.findUniqueOrThrow({ where: { callId } });
    expect(copy.sourceUrl).not.toBe(event.url);
    expect((await storage.get(copy.storageKey))?.size).toBe(copy.sizeBytes);
    expect(await storeCallRecording(db, event, { carrier: harness.sim, storage })).toEqual({ status: "exists", callId });

    // A recording the carrier no longer has is reported gone rather than retried for ever.
    await db.recording.delete({ where: { callId } });
    await simulatorStorage().delete(`recordings/${event.carrierCallId}.mp3`);
    expect(await storeCallRecording(db, event, { carrier: harness.sim, storage, now: () => new Date(0) })).toEqual({ status: "gone", callId });
    expect(await db.recording.count({ where: { callId } })).toBe(0);
  });

  it("never fetches a recording link off the carrier's hosts (issue 23)", async () => {
    const db = testDb();
    const row = await db.carrierEvent.findFirstOrThrow({ where: { callId, type: "recording.ready" } });
    const event = row.payload as unknown as RecordingReady;
    await db.recording.deleteMany({ where: { callId } });
    const fetched: string[] = [];
    const spy: typeof fetch = async (input) => {
      fetched.push(String(input));
      return new Response("x");
    };
    for (const url of ["http://169.254.169.254/latest/meta-data/", "https://recorder-1.cos.ap-shanghai.myqcloud.com/a.mp3", "file:///etc/passwd", "not a url"]) {
      expect(await storeCallRecording(db, { ...event, url }, { carrier: harness.sim, storage, fetch: spy, now: () => new Date(0) }), url).toEqual({ status: "refusedHost", callId });
    }
    expect(fetched).toEqual([]);
    expect(await db.recording.count({ where: { callId } })).toBe(0);
    // The simulator's own link is still fetched.
    expect(harness.sim.servesRecordingsFrom(new URL(event.url))).toBe(true);
  });

  it("re-runs classification (重新分析's step) onto the script's categories as they are now", async () => {
    const db = testDb();
    const rerun = () => classifyCallIntent(db, callId, { classifier: ruleBasedClassifier, force: true });
    const before = await db.call.findUniqueOrThrow({ where: { id: callId }, select: { intent: true } });
    expect(before.intent).toBe("interested");
    expect(await rerun()).toMatchObject({ intent: "interested", changed: false });

    // The script's categories change (有意向 renamed to a custom key): a re-run maps onto them.
    const call = await db.call.findUniqueOrThrow({ where: { id: callId }, select: { script: { select: { id: true, preview: true } } } });
    const preview = call.script.preview as { intents: { key: string; label: string }[]; scenarios: unknown[] };
    await db.script.update({
      where: { id: call.script.id },
      data: { preview: { ...preview, intents: preview.intents.map((i) => (i.key === "interested" ? { key: "A", label: "意向较强" } : i)) } as object },
    });
    expect(await rerun()).toMatchObject({ intent: "A", changed: true });
    expect(await db.call.findUniqueOrThrow({ where: { id: callId }, select: { intent: true } })).toEqual({ intent: "A" });
  });

  it("runs as two Inngest functions whose work is all in steps — the batch's results, then each call's pipeline — and a re-run changes nothing", async () => {
    const db = testDb();
    const row = await db.carrierEvent.findFirstOrThrow({ where: { callId, type: "attempt.completed" } });
    const before = await db.call.findUniqueOrThrow({ where: { id: callId }, include: { smsMessage: true, recording: true } });
    const batch = new InngestTestEngine({ function: callEnded });
    const { result, ctx } = await batch.execute({
      events: [
        { name: "carrier/call.ended", data: { carrierEventId: row.carrierEventId } },
        { name: "carrier/call.ended", data: { carrierEventId: "no-such-event" } },
      ],
      steps: [{ id: "call-results-applied", handler: () => ({ ids: ["sent"] }) }],
    });
    expect(result).toEqual({ events: 2, calls: 1 });
    const stepIds = (ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
    expect(stepIds).toEqual(["load-events", "apply-attempt-results"]);
    const sent = (ctx.step.sendEvent as unknown as { mock: { calls: [string, { name: string; data: unknown }[]][] } }).mock.calls;
    expect(sent).toHaveLength(1);
    const data = { carrierEventId: row.carrierEventId, carrierCallId: row.carrierCallId, callId, applied: false, task: null, outcome: null };
    expect(sent[0]![1]).toEqual([expect.objectContaining({ name: "carrier/call.applied", data })]);

    const pipeline = new InngestTestEngine({ function: callEndedPipeline });
    const run = await pipeline.execute({ events: [{ name: "carrier/call.applied", data }] });
    expect(run.result).toMatchObject({ callId, applied: false, sms: "sent" });
    const pipelineSteps = (run.ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
    expect(pipelineSteps).toEqual(["classify-intent", "advance-journey", "store-early-recordings", "send-hangup-sms", "webhook-call-ended", "mark-processed"]);
    const after = await db.call.findUniqueOrThrow({ where: { id: callId }, include: { smsMessage: true, recording: true } });
    expect(after).toEqual(before);
  });

});
