import { beforeAll, describe, expect, it } from "vitest";
import type { TencentCccCarrier } from "@/server/adapters/carrier/tencent-ccc/tencent-ccc-carrier";
import { toCccNumber } from "@/server/adapters/carrier/tencent-ccc/ccc-mapping";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { loadCallRecording } from "@/server/services/calls/records/load-call-recording";
import type { FakeTencent } from "@/tests/fakes/tencent/fake-tencent";
import { createSmsScript } from "./carrier-fixtures";
import { createPatients, freshMobile, shanghai } from "./dialer-fixtures";
import { callerFor, seeded, testDb } from "./fixtures";
import { setUpTencentCccWorld, type TencentCccWorld } from "./tencent-ccc-world";

/**
 * Issue 24 item 4: a CDR without a whole-call recording (RecordURL empty) while CCC pushes one recording per participant
 * (录音数据推送, https://www.tencentcloud.com/document/product/1229/59642) — both pushed before the CDR, each twice. Both
 * sides are copied into our storage as tracks of the call, none of them as "the call's recording", and 通话详情 offers
 * them as two labelled tracks.
 */
const PUSH = { username: "tccc-push", password: "tracks-push-password-1" };
const world = setUpTencentCccWorld({
  key: "ttrk",
  secretId: "AKIDtrk",
  secretKey: "trk-secret",
  sdkAppId: 1400000041,
  push: PUSH,
  ccc: { callMs: 300, duplicate: true, reorder: true, wholeCallRecording: false },
});
const { storage, driver } = world;
let fake: FakeTencent;
let carrier: TencentCccCarrier;
let company: TencentCccWorld["company"];
beforeAll(() => void ({ fake, carrier, company } = world));

describe("per-participant recordings without a whole-call recording", () => {
  it("stores both sides as tracks (pushed before the CDR), never one side as the call, and shows them as two tracks", async () => {
    const db = testDb();
    const script = await createSmsScript(company.companyId, company.clinicIds, { hangupSms: false });
    const mobile = `${freshMobile().slice(0, 9)}15`; // answered (00–49)
    const [patient] = await createPatients(company.companyId, company.clinicIds[0]!, 1, { mobile });
    const at = shanghai(10);
    await db.$transaction(async (tx) => {
      const loaded = (await loadScriptForTasks(tx, company.companyId, script.id))!;
      await insertCallTasks(tx, { companyId: company.companyId, script: loaded, seeds: [{ patientId: patient!.id }], source: "batch", now: at });
    });
    const tick = await runDialerTick(db, { now: at, workerId: "ttrk", companyId: company.companyId });
    for (const claim of tick.claimed) expect((await placeClaimedCall(db, carrier, claim, at)).status).toBe("placed");

    await expect
      .poll(async () => {
        await fake.pusher.idle();
        await driver.drain();
        return db.recordingTrack.count({ where: { call: { scriptId: script.id } } });
      }, { timeout: 45_000, interval: 300 })
      .toBe(2);
    await driver.drain();

    const call = await db.call.findFirstOrThrow({ where: { scriptId: script.id }, include: { recording: true, recordingTracks: { orderBy: { side: "desc" } }, events: true } });
    // The pushes came in the order the test asked for: both recordings before the CDR.
    const order = fake.pusher.log.filter((l) => l.body.includes(call.carrierCallId!)).map((l) => new URL(l.url).searchParams.get("action"));
    expect(order.slice(0, 2)).toEqual(["record", "record"]);

    expect(call).toMatchObject({ outcome: "answered", recording: null });
    expect(call.recordingTracks.map((t) => ({ side: t.side, participant: t.participant }))).toEqual([
      { side: "patient", participant: toCccNumber(mobile) },
      { side: "agent", participant: "ai-agent@example.com" },
    ]);
    expect(call.recordingTracks[0]!.sourceUrl).toContain(`${call.carrierCallId}-user.mp3`);
    expect(call.recordingTracks[1]!.sourceUrl).toContain(`${call.carrierCallId}-agent.mp3`);
    for (const track of call.recordingTracks) {
      expect(track.sizeBytes).toBeGreaterThan(1000);
      expect((await storage.get(track.storageKey))?.size).toBe(track.sizeBytes);
    }
    // Each side is one event, recorded once although CCC pushed it twice.
    expect(call.events.filter((e) => e.type === "recording.ready").map((e) => e.carrierEventId).sort()).toEqual(
      [`ccc:record:${call.carrierCallId}:${toCccNumber(mobile)}`, `ccc:record:${call.carrierCallId}:ai-agent@example.com`].sort(),
    );

    // 话单记录 says the call has tracks (not a whole-call recording); 通话详情: two labelled tracks, patient first.
    const admin = await callerFor(company.admin.id);
    const list = await admin.callRecords.list({ scriptId: script.id });
    expect(list.items.find((r) => r.id === call.id)).toMatchObject({ hasRecording: false, hasRecordingTracks: true });
    const detail = await admin.callRecords.byId({ id: call.id });
    expect(detail.recording).toBeNull();
    expect(detail.recordingTracks.map((t) => t.side)).toEqual(["patient", "agent"]);
    expect(call.durationSec).toBeGreaterThan(0);
    for (const t of detail.recordingTracks) expect(t.durationSec).toBeGreaterThan(0); // the call's talk time when the push had none
    expect(detail.recordingTracks[0]!.src).toBe(`/api/call-records/${call.id}/recording?track=${call.recordingTracks[0]!.id}`);

    // The route's lookup: the track by id within the call and the caller's scope; the side is in the file name.
    const scope = { companyId: company.companyId, clinicIds: company.clinicIds };
    const patientTrack = await loadCallRecording(db, scope, call.id, call.recordingTracks[0]!.id);
    expect(patientTrack).toMatchObject({ storageKey: call.recordingTracks[0]!.storageKey, mimeType: "audio/mpeg" });
    expect(patientTrack.fileName).toMatch(/外呼录音（患者侧）\.mp3$/);
    expect((await loadCallRecording(db, scope, call.id, call.recordingTracks[1]!.id)).fileName).toMatch(/（AI或人工侧）\.mp3$/);
    await expect(loadCallRecording(db, scope, call.id)).rejects.toMatchObject({ code: "NOT_FOUND" }); // no whole-call recording
    const s = await seeded();
    await expect(loadCallRecording(db, { companyId: s.b.company.id, clinicIds: s.b.company.clinics.map((c) => c.id) }, call.id, call.recordingTracks[0]!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  }, 90_000);
});
