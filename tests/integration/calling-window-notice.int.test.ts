import { beforeAll, describe, expect, it } from "vitest";
import { seedCallRecords, type SeedCallRecordsResult } from "@/prisma/seed/seed-call-records";
import { atShanghai } from "@/prisma/seed/time";
import { previewBatchCall } from "@/server/services/dialer/batch/preview-batch-call";
import { getOutboundOverview } from "@/server/services/dialer/outbound/get-outbound-overview";
import { getManagedScript } from "@/server/services/dialer/outbound/get-managed-script";
import { createPatients } from "./dialer-fixtures";
import { seeded, testDb } from "./fixtures";

let s: Awaited<ReturnType<typeof seeded>>;
let fixture: SeedCallRecordsResult;
let scope: { companyId: string; clinicIds: string[] };
const real = new Date();
const evening = atShanghai(real, 0, 21, 30); // 21:30 Shanghai
const dawn = atShanghai(real, 0, 6, 15); // 06:15 Shanghai
const noon = atShanghai(real, 0, 12); // 12:00 Shanghai

beforeAll(async () => {
  s = await seeded();
  scope = { companyId: s.a.company.id, clinicIds: s.a.company.clinics.map((c) => c.id) };
  fixture = await seedCallRecords(testDb(), {
    companyId: s.a.company.id,
    now: real,
    scriptName: "外呼时段提示测试",
    patientCount: 40,
    createdById: s.a.admin.id,
    pendingRate: 0.4,
  });
});

describe("outside the calling window the product says when calls start", () => {
  it("a script's 详情 tells how many tasks wait for the window, and when it opens", async () => {
    const db = testDb();
    const pending = await db.callTask.count({ where: { scriptId: fixture.scriptId, status: "pending" } });
    expect(pending).toBeGreaterThan(0);

    const night = await getManagedScript(db, scope, fixture.scriptId, evening);
    expect(night.callingWindow).toEqual({ startsAt: atShanghai(real, 1, 9), dayOffset: 1, time: "09:00" });
    expect(night.waitingForWindow).toBe(pending);

    const early = await getManagedScript(db, scope, fixture.scriptId, dawn);
    expect(early.callingWindow).toEqual({ startsAt: atShanghai(real, 0, 9), dayOffset: 0, time: "09:00" });

    const day = await getManagedScript(db, scope, fixture.scriptId, noon);
    expect(day.callingWindow).toBeNull();
    expect(day.waitingForWindow).toBe(0);
  });

  it("a paused script's 详情 says its tasks wait for the script, not for the window (and is not 外呼进行中)", async () => {
    const db = testDb();
    const pending = await db.callTask.count({ where: { scriptId: fixture.scriptId, status: { in: ["pending", "dialing"] } } });
    expect((await getManagedScript(db, scope, fixture.scriptId, evening)).liveState).toEqual({ kind: "waitingWindow" });
    expect((await getManagedScript(db, scope, fixture.scriptId, noon)).liveState).toEqual({ kind: "calling" });
    await db.script.update({ where: { id: fixture.scriptId }, data: { status: "paused", pauseReason: "manual" } });
    try {
      for (const at of [evening, noon]) {
        const paused = await getManagedScript(db, scope, fixture.scriptId, at);
        expect(paused.callingWindow).toBeNull();
        expect(paused.waitingForWindow).toBe(0);
        expect(paused.liveState).toEqual({ kind: "paused", reason: "manual", pending });
      }
    } finally {
      await db.script.update({ where: { id: fixture.scriptId }, data: { status: "enabled", pauseReason: null } });
    }
  });

  it("外呼管理's overview carries the notice in the clinics' zone", async () => {
    const db = testDb();
    expect((await getOutboundOverview(db, scope, evening)).callingWindow).toMatchObject({ dayOffset: 1, time: "09:00" });
    expect((await getOutboundOverview(db, scope, noon)).callingWindow).toBeNull();
    // A company that may not call yet gets no calling-hours notice.
    const b = { companyId: s.b.company.id, clinicIds: s.b.company.clinics.map((c) => c.id) };
    expect((await getOutboundOverview(db, b, evening)).callingWindow).toBeNull();
    // 外呼余额 is shown with the notices: the ledger's sum, none before the company may call.
    const ledger = await db.callBalanceEntry.aggregate({ where: { companyId: s.a.company.id }, _sum: { delta: true } });
    expect((await getOutboundOverview(db, scope, noon)).callBalance).toBe(ledger._sum.delta ?? 0);
    expect((await getOutboundOverview(db, b, noon)).callBalance).toBeNull();
  });

  it("the batch-call confirmation's dry run says the batch starts tomorrow 09:00", async () => {
    const db = testDb();
    const script = await db.script.create({
      data: {
        companyId: s.a.company.id,
        name: "外呼时段提示预估",
        kind: "ai",
        category: "service",
        templateId: (await db.script.findUniqueOrThrow({ where: { id: fixture.scriptId }, select: { templateId: true } })).templateId,
        preview: (await db.script.findUniqueOrThrow({ where: { id: fixture.scriptId }, select: { preview: true } })).preview ?? undefined,
        status: "enabled",
        clinics: { create: scope.clinicIds.map((clinicId) => ({ clinicId })) },
      },
    });
    // Patients of its own: company A's newest patients may be other files' (on the DNC list, called within 15 days…).
    const opened = await db.clinic.findFirstOrThrow({ where: { id: { in: scope.clinicIds }, outboundOpenedAt: { not: null } }, select: { id: true } });
    const patients = await createPatients(s.a.company.id, opened.id, 3);
    const night = await previewBatchCall(db, scope, { scriptId: script.id, patientIds: patients.map((p) => p.id) }, evening);
    expect(night.callingWindow).toMatchObject({ dayOffset: 1, time: "09:00" });
    const day = await previewBatchCall(db, scope, { scriptId: script.id, patientIds: patients.map((p) => p.id) }, noon);
    expect(day.callingWindow).toBeNull();
    // Dialed at the opening: every rule is judged then, not hidden behind the window.
    expect(night.deferred).toEqual([]);
    expect(night.patients.map((p) => [p.outcome, p.reason])).toEqual(day.patients.map((p) => [p.outcome, p.reason]));
  });
});
