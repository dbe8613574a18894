import { beforeAll, describe, expect, it } from "vitest";
import { POST as webhook } from "@/app/api/carrier/webhook/route";
import { TencentCccCarrier } from "@/server/adapters/carrier/tencent-ccc/tencent-ccc-carrier";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import type { FakeTencent } from "@/tests/fakes/tencent/fake-tencent";
import { createSmsScript } from "./carrier-fixtures";
import { createPatients, freshMobile, shanghai } from "./dialer-fixtures";
import { testDb } from "./fixtures";
import { setUpTencentCccWorld, type TencentCccWorld } from "./tencent-ccc-world";

/**
 * The Tencent CCC path through the app's own webhook route and jobs, against the fake: pushes duplicated and
 * reordered are recorded once, results land without a clientRef (CreateAICall has no user-data field), the expired
 * link in the push is refreshed through DescribeTelCdr, and a forged push changes nothing.
 */
const PUSH = { username: "tccc-push", password: "int-push-password-123" };
const world = setUpTencentCccWorld({ key: "tccc", secretId: "AKIDccc", secretKey: "ccc-int-secret", sdkAppId: 1400000009, push: PUSH, ccc: { callMs: 60, duplicate: true, reorder: true, expiredPushLinks: true } });
const { storage, driver, statuses } = world;
let fake: FakeTencent;
let carrier: TencentCccCarrier;
let company: TencentCccWorld["company"];
beforeAll(() => void ({ fake, carrier, company } = world));

describe("Tencent CCC through the webhook route and the jobs", () => {
  it("records each result once, lands it by SessionId, and copies the recording after refreshing the expired link", async () => {
    const db = testDb();
    const script = await createSmsScript(company.companyId, company.clinicIds, { hangupSms: false });
    const answeredMobile = `${freshMobile().slice(0, 9)}12`;
    const busyMobile = `${freshMobile().slice(0, 9)}70`;
    const patients = [
      ...(await createPatients(company.companyId, company.clinicIds[0]!, 1, { mobile: answeredMobile })),
      ...(await createPatients(company.companyId, company.clinicIds[0]!, 1, { mobile: busyMobile })),
    ];
    const at = shanghai(10);
    await db.$transaction(async (tx) => {
      const loaded = (await loadScriptForTasks(tx, company.companyId, script.id))!;
      await insertCallTasks(tx, { companyId: company.companyId, script: loaded, seeds: patients.map((p) => ({ patientId: p.id })), source: "batch", now: at });
    });
    const tick = await runDialerTick(db, { now: at, workerId: "tccc", companyId: company.companyId });
    for (const claim of tick.claimed) expect((await placeClaimedCall(db, carrier, claim, at)).status).toBe("placed");

    await expect
      .poll(async () => {
        await fake.pusher.idle();
        await driver.drain();
        return db.call.count({ where: { scriptId: script.id, outcome: { not: null } } });
      }, { timeout: 45_000, interval: 300 }) // the fake's pushes and the jobs are slow on a loaded 2-core machine
      .toBe(2);
    await driver.drain();

    const calls = await db.call.findMany({ where: { scriptId: script.id }, include: { recording: true, events: true } });
    const answered = calls.find((c) => c.mobile === answeredMobile)!;
    const busy = calls.find((c) => c.mobile === busyMobile)!;
    expect(answered).toMatchObject({ outcome: "answered", rawCode: "1:ok", callerId: "02150000000" });
    expect(busy).toMatchObject({ outcome: "busy", rawCode: "206:busy", recording: null });
    for (const c of calls) expect(c.events.filter((e) => e.type === "attempt.completed")).toHaveLength(1);
    expect(answered.events.filter((e) => e.type === "recording.ready")).toHaveLength(1);
    const pushedLinks = fake.pusher.log.filter((l) => l.url.includes("action=record") && l.body.includes(answered.carrierCallId!));
    expect(pushedLinks.length).toBeGreaterThan(1); // duplicated (and the agent's side)
    expect((await fetch(JSON.parse(pushedLinks[0]!.body).RecordURL)).status).toBe(403); // the pushed link had expired
    expect(answered.recording).not.toBeNull();
    expect(answered.recording!.sourceUrl).not.toBe(JSON.parse(pushedLinks[0]!.body).RecordURL); // refreshed via DescribeTelCdr
    expect((await storage.get(answered.recording!.storageKey))?.size).toBeGreaterThan(1000);
    expect(answered.recording!.durationSec).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
  }, 90_000);

  it("a forged or unauthenticated push gets 401 and records nothing", async () => {
    const before = await testDb().carrierEvent.count();
    const body = JSON.stringify({ SdkAppId: 1400000009, SessionId: "forged", EndStatus: 1, Callee: "008613700000000", Direction: 1 });
    const bad = `Basic ${Buffer.from(`${PUSH.username}:guess`).toString("base64")}`;
    for (const headers of [{}, { authorization: bad }] as Record<string, string>[]) {
      const res = await webhook(new Request("http://app.test/api/carrier/webhook?action=cdr&version=1", { method: "POST", headers, body }));
      expect(res.status).toBe(401);
    }
    expect(await testDb().carrierEvent.count()).toBe(before);
  });
});
