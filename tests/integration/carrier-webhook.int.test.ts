import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setStorageForTests } from "@/server/adapters/storage";
import { setSmsForTests } from "@/server/adapters/sms";
import { SimulatorSms } from "@/server/adapters/sms/simulator-sms";
import { simulatorStorage } from "@/server/adapters/carrier/simulator";
import { signedHeaders } from "@/server/adapters/carrier/webhook-signature";
import { carrierWebhookSecret } from "@/server/env";
import { MemoryStorage } from "@/tests/support/memory-storage";
import { testDb } from "./fixtures";
import { createDialerCompany, createPatients, shanghai } from "./dialer-fixtures";
import { CarrierHarness, NO_FAULTS, createSmsScript, simMobile, useTempDataDir } from "./carrier-fixtures";

const storage = new MemoryStorage();
const sms = new SimulatorSms();
let company: Awaited<ReturnType<typeof createDialerCompany>>;

let cleanUp: () => Promise<void>;

beforeAll(async () => {
  cleanUp = await useTempDataDir();
  setStorageForTests(storage);
  setSmsForTests(sms);
  company = await createDialerCompany("carrwh");
});
afterAll(async () => {
  setStorageForTests(undefined);
  setSmsForTests(undefined);
  await cleanUp();
});

/** Everything the pipeline writes for a set of tasks, to compare before and after replays. */
async function snapshot(taskIds: string[]) {
  const db = testDb();
  const tasks = await db.callTask.findMany({ where: { id: { in: taskIds } }, orderBy: { id: "asc" }, select: { id: true, status: true, attempt: true, lastOutcome: true, intent: true, nextAttemptAt: true, reason: true } });
  const calls = await db.call.findMany({ where: { taskId: { in: taskIds } }, orderBy: [{ taskId: "asc" }, { attempt: "asc" }], select: { id: true, outcome: true, rawCode: true, intent: true, rounds: true, durationSec: true, endedAt: true, recording: { select: { storageKey: true, sizeBytes: true } }, smsMessage: { select: { status: true, content: true } } } });
  const callIds = calls.map((c) => c.id);
  const balance = await db.callBalanceEntry.count({ where: { callId: { in: callIds } } });
  const smsDebits = await db.smsQuotaEntry.count({ where: { companyId: company.companyId, reason: "hangupSms" } });
  const events = await db.carrierEvent.count({ where: { callId: { in: callIds } } });
  return { tasks, calls, balance, smsDebits, events };
}

async function dialAndRun(harness: CarrierHarness, mobiles: string[], seconds = 200) {
  const db = testDb();
  const script = await createSmsScript(company.companyId, company.clinicIds);
  const patients = [];
  for (const mobile of mobiles) patients.push(...(await createPatients(company.companyId, company.clinicIds[0]!, 1, { mobile })));
  const placed = await harness.dial(company.companyId, script.id, patients.map((p) => p.id));
  expect(placed.every((p) => p.status === "placed")).toBe(true);
  await harness.run(seconds);
  const tasks = await db.callTask.findMany({ where: { scriptId: script.id }, select: { id: true, mobile: true } });
  return { script, taskIds: tasks.map((t) => t.id), taskOf: (mobile: string) => tasks.find((t) => t.mobile === mobile)!.id };
}

describe("carrier webhook → call-ended pipeline (simulator over HTTP, PostgreSQL)", () => {
  it("applies results, classifies, copies recordings and sends hang-up SMS", async () => {
    const harness = new CarrierHarness(shanghai(10), NO_FAULTS, simulatorStorage());
    const uninstall = harness.install();
    try {
      const answered = simMobile(0, "12");
      const busy = simMobile(0, "70");
      const empty = simMobile(0, "88");
      const optOut = simMobile(7, "12");
      const { taskOf, taskIds } = await dialAndRun(harness, [answered, busy, empty, optOut]);
      const db = testDb();
      const s = await snapshot(taskIds);
      const callOf = async (mobile: string) =>
        db.call.findFirstOrThrow({ where: { taskId: taskOf(mobile) }, include: { recording: true, smsMessage: true } });

      const a = await callOf(answered);
      expect(a).toMatchObject({ outcome: "answered", carrierOutcome: "answered", rawCode: "ANSWERED", rounds: 2, intent: "interested", hangupBy: "bot" });
      expect(a.recording?.mimeType).toBe("audio/mpeg");
      const copy = await storage.get(a.recording!.storageKey);
      expect(copy!.body[0]).toBe(0xff); // an mp3 frame, copied into our storage
      expect(a.smsMessage).toMatchObject({ status: "sent", content: expect.stringContaining("【一店】") });
      expect(sms.sent.get(a.smsMessage!.id)?.mobile).toBe(answered);
      expect(await db.callTask.findUniqueOrThrow({ where: { id: taskOf(answered) } })).toMatchObject({ status: "ended", intent: "interested" });

      const b = await callOf(busy);
      expect(b).toMatchObject({ outcome: "busy", rawCode: "USER_BUSY", recording: null });
      // A redial is scheduled: the outreach is not over, so no 「未能接通」 yet (one SMS per outreach, after its last attempt).
      expect(b.smsMessage).toBeNull();
      expect(await db.callTask.findUniqueOrThrow({ where: { id: taskOf(busy) } })).toMatchObject({ status: "pending", reason: "redialScheduled" });

      const e = await callOf(empty);
      expect(e).toMatchObject({ outcome: "emptyNumber", smsMessage: null });

      const o = await callOf(optOut);
      expect(o.intent).toBe("refused");
      expect(await db.dncEntry.findFirst({ where: { companyId: company.companyId, kind: "optOut", mobile: optOut } })).toMatchObject({ source: "callIntent" });

      // Every delivery went through the signed route and was accepted.
      expect(harness.deliveries.length).toBeGreaterThan(8);
      expect(harness.deliveries.every((d) => d.status === 200)).toBe(true);

      // Replaying every delivery (still inside the replay window) changes nothing.
      for (const d of harness.deliveries) {
        const res = await harness.post(d.body, signedHeaders(carrierWebhookSecret(), d.body, harness.now));
        expect(res.status).toBe(200);
        expect((await res.json()).recorded).toBe(0);
      }
      await harness.driver.drain();
      expect(await snapshot(taskIds)).toEqual(s);

      // 30 minutes later the redial — the outreach's last attempt (the simulator answers it) — ends it: now one SMS goes.
      harness.now += 31 * 60_000;
      await harness.tick(company.companyId);
      await harness.run(200);
      const busyCalls = await db.call.findMany({ where: { taskId: taskOf(busy) }, orderBy: { attempt: "asc" }, include: { smsMessage: true } });
      expect(busyCalls.map((c) => [c.outcome, c.smsMessage?.status ?? null])).toEqual([
        ["busy", null],
        ["answered", "sent"],
      ]);
      expect(await db.smsMessage.count({ where: { call: { taskId: taskOf(busy) } } })).toBe(1);
      expect(await db.callTask.findUniqueOrThrow({ where: { id: taskOf(busy) } })).toMatchObject({ status: "ended" });
    } finally {
      uninstall();
    }
  }, 120_000);

  it("duplicated, reordered and batched deliveries end in the same state as clean ones", async () => {
    const mobiles = [simMobile(0, "13"), simMobile(2, "14"), simMobile(4, "15"), simMobile(0, "71"), simMobile(0, "89")];
    const clean = new CarrierHarness(shanghai(11), NO_FAULTS, simulatorStorage());
    let uninstall = clean.install();
    const cleanRun = await dialAndRun(clean, mobiles).finally(uninstall);
    const messy = new CarrierHarness(shanghai(11), { duplicate: 1, reorder: 1, batch: 1, drop: 0 }, simulatorStorage());
    uninstall = messy.install();
    const messyRun = await dialAndRun(messy, mobiles.map((m) => m.slice(0, 3) + String((Number(m.slice(3, 7)) + 1) % 10_000).padStart(4, "0") + m.slice(7))).finally(uninstall);

    expect(messy.deliveries.some((d) => d.body.startsWith("["))).toBe(true);
    const db = testDb();
    const shape = async (taskIds: string[]) => {
      const tasks = await db.callTask.findMany({ where: { id: { in: taskIds } }, select: { mobile: true, status: true, reason: true, lastOutcome: true, intent: true } });
      const calls = await db.call.findMany({ where: { taskId: { in: taskIds } }, select: { mobile: true, outcome: true, intent: true, rounds: true, recording: { select: { id: true } }, smsMessage: { select: { status: true } } } });
      const key = (m: string | null) => m!.slice(7);
      return {
        tasks: tasks.map((t) => ({ ...t, mobile: key(t.mobile) })).sort((x, y) => x.mobile.localeCompare(y.mobile)),
        calls: calls.map((c) => ({ ...c, mobile: key(c.mobile), recording: Boolean(c.recording) })).sort((x, y) => x.mobile.localeCompare(y.mobile)),
        events: await db.carrierEvent.count({ where: { call: { taskId: { in: taskIds } } } }),
      };
    };
    const a = await shape(cleanRun.taskIds);
    const b = await shape(messyRun.taskIds);
    expect(b.tasks).toEqual(a.tasks);
    expect(b.calls).toEqual(a.calls);
    expect(b.events).toBe(a.events); // each event recorded once despite the duplicates
    expect(messy.deliveries.length).toBeGreaterThan(clean.deliveries.length);
  }, 120_000);

  it("refuses forged, unsigned and stale deliveries with 401 (unreadable ones with 400) and records nothing", async () => {
    const harness = new CarrierHarness(shanghai(12), NO_FAULTS, simulatorStorage());
    const uninstall = harness.install();
    try {
      const body = JSON.stringify({
        event_id: "forged-1", event_type: "call_status", occurred_at: new Date(harness.now).toISOString(), call_id: "sim_0123456789abcdef0123", out_id: "x:1", status: "RINGING",
      });
      const db = testDb();
      const now = harness.now;
      const tampered = signedHeaders(carrierWebhookSecret(), body, now);
      const refused = [
        await harness.post(body, signedHeaders("not-the-secret-at-all-000", body, now)),
        await harness.post(body, { "content-type": "application/json" }),
        await harness.post(body, signedHeaders(carrierWebhookSecret(), body, now - 10 * 60_000)),
        await harness.post(body.replace("RINGING", "TALKING"), tampered),
      ];
      expect(refused.map((r) => r.status)).toEqual([401, 401, 401, 401]);
      // One body for every refusal: which check failed is for the server log, not for a prober (issue 23).
      expect(new Set(await Promise.all(refused.map((r) => r.text()))).size).toBe(1);
      expect(await db.carrierEvent.count({ where: { carrierEventId: "forged-1" } })).toBe(0);
      // Signed but unreadable: 400, not 401.
      const garbage = '{"event_type":"call_record"}';
      expect((await harness.post(garbage, signedHeaders(carrierWebhookSecret(), garbage, now))).status).toBe(400);
      expect((await harness.post(body, signedHeaders(carrierWebhookSecret(), body, now))).status).toBe(200);
      expect(await db.carrierEvent.count({ where: { carrierEventId: "forged-1" } })).toBe(1);
    } finally {
      uninstall();
    }
  });
});
