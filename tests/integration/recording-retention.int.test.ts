import { describe, expect, it } from "vitest";
import type { CarrierPort, RecordingReady } from "@/server/ports/carrier";
import type { CarrierJob } from "@/server/services/calls/carrier/carrier-jobs";
import { sweepRecordingRetention } from "@/server/services/calls/carrier/sweep-recording-retention";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { createSmsScript } from "./carrier-fixtures";
import { createDialerCompany, createPatients } from "./dialer-fixtures";
import { testDb } from "./fixtures";

/**
 * 录音留存 (issue 24 item 4): an answered call older than a day whose recording never reached our storage is asked about
 * again before the carrier's 3-month retention ends — a fresh link from the carrier becomes a recording notice for the
 * recording job; a notice we already had is handed over again; one failing call does not stop the others.
 */
describe("recording retention sweep", () => {
  it("hands over what is still only at the carrier, oldest first, one failure isolated", async () => {
    const db = testDb();
    // 200 days ahead: the sweep serves every company, and other files' answered calls in this shared database (ended
    // around the real now) are then past the 80 days it looks back, so it sees this test's three only.
    const now = new Date(Date.now() + 200 * 86_400_000);
    const company = await createDialerCompany("tret");
    const script = await createSmsScript(company.companyId, company.clinicIds, { hangupSms: false });
    const patients = await createPatients(company.companyId, company.clinicIds[0]!, 3);
    await db.$transaction(async (tx) => {
      const loaded = (await loadScriptForTasks(tx, company.companyId, script.id))!;
      await insertCallTasks(tx, { companyId: company.companyId, script: loaded, seeds: patients.map((p) => ({ patientId: p.id })), source: "batch", now });
    });
    const tasks = await db.callTask.findMany({ where: { scriptId: script.id } });
    const ids: string[] = [];
    for (const t of tasks) {
      const c = await db.call.create({
        data: { companyId: t.companyId, clinicId: t.clinicId, scriptId: t.scriptId, taskId: t.id, patientId: t.patientId, mobile: t.mobile ?? "13800000000", attempt: 1, outcome: "answered", answeredAt: now, endedAt: now, durationSec: 30 },
      });
      ids.push(c.id);
    }
    expect(ids).toHaveLength(3);
    // Three calls 10, 20 and 30 days old whose copy is gone: one with a notice recorded before, two without.
    await db.recording.deleteMany({ where: { callId: { in: ids } } });
    await db.carrierEvent.deleteMany({ where: { callId: { in: ids } } });
    for (const [i, id] of ids.entries()) {
      await db.call.update({ where: { id }, data: { carrierCallId: `retention-${id}`, endedAt: new Date(now.getTime() - (10 + i * 10) * 86400_000) } });
    }
    const [withNotice, fresh, failing] = ids;
    await db.carrierEvent.create({
      data: { carrierEventId: `ccc:record:retention-${withNotice}`, carrierCallId: `retention-${withNotice}`, type: "recording.ready", callId: withNotice, payload: {}, receivedAt: new Date(now.getTime() - 10 * 86400_000) },
    });
    const asked: string[] = [];
    const carrier = {
      refreshRecording: async (carrierCallId: string): Promise<RecordingReady | null> => {
        asked.push(carrierCallId);
        if (carrierCallId === `retention-${failing}`) throw new Error("InternalError");
        return { type: "recording.ready", eventId: `ccc:record:${carrierCallId}`, occurredAt: now.toISOString(), carrierCallId, clientRef: "", url: "https://cos.example/r.mp3", expiresAt: new Date(now.getTime() + 3600_000).toISOString(), format: "mp3", durationSeconds: 30 };
      },
    } as unknown as CarrierPort;
    const jobs: CarrierJob[] = [];
    const result = await sweepRecordingRetention(db, carrier, async (more) => void jobs.push(...more), now);

    expect(result).toMatchObject({ redispatched: 1, found: 1, failed: 1 });
    expect(asked).toEqual([`retention-${failing}`, `retention-${fresh}`]); // oldest first; the one with a notice is not asked
    expect(jobs.map((j) => (j.data as { carrierEventId: string }).carrierEventId).sort()).toEqual([`ccc:record:retention-${fresh}`, `ccc:record:retention-${withNotice}`].sort());
    expect(await db.carrierEvent.count({ where: { carrierEventId: `ccc:record:retention-${fresh}`, callId: fresh } })).toBe(1);
  });
});
