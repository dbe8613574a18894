import { beforeAll, describe, expect, it } from "vitest";
import { seedCallRecords, type SeedCallRecordsResult } from "@/prisma/seed/seed-call-records";
import { recreditPatients, recreditStaleCompanies } from "@/server/services/outcomes/credit-outcomes";
import { createPatients } from "./dialer-fixtures";
import { callerFor, seeded, testDb } from "./fixtures";

let s: Awaited<ReturnType<typeof seeded>>;
let fixture: SeedCallRecordsResult;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  s = await seeded();
  const db = testDb();
  // Patients of this test's own, so every appointment, visit and call of theirs is one this test made (company A's
  // existing patients are called by other files of this shared database, and a later call takes the credit).
  const opened = await db.clinic.findFirstOrThrow({ where: { companyId: s.a.company.id, outboundOpenedAt: { not: null } }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const patients = await createPatients(s.a.company.id, opened.id, 10);
  fixture = await seedCallRecords(db, { companyId: s.a.company.id, now: new Date(), scriptName: "效果分析测试-种植", patientIds: patients.map((p) => p.id) });
});

describe("效果分析 funnel", () => {
  it("credits bookings after a call within the window, not earlier bookings nor late ones, and agrees with the call figures", async () => {
    const db = testDb();
    const calls = await db.call.findMany({
      where: { id: { in: fixture.answeredCallIds } },
      select: { id: true, patientId: true, clinicId: true, answeredAt: true, dialedAt: true },
      orderBy: { id: "asc" },
    });
    // One answered call per patient, so last touch is that call.
    const byPatient = new Map<string, (typeof calls)[number]>();
    for (const c of calls) if (!byPatient.has(c.patientId)) byPatient.set(c.patientId, c);
    const [p1, p2, p3] = [...byPatient.values()].filter((c) => calls.filter((x) => x.patientId === c.patientId).length === 1);
    expect(p3).toBeDefined();
    const company = s.a.company.id;
    const at = (c: typeof p1) => (c!.answeredAt ?? c!.dialedAt).getTime();

    // p1: booked an hour after the call, came, paid 1 280 元 that day.
    await db.appointment.create({ data: { companyId: company, clinicId: p1!.clinicId, patientId: p1!.patientId, createdAt: new Date(at(p1) + HOUR), startsAt: new Date(at(p1) + 2 * DAY), status: "arrived" } });
    await db.visit.create({ data: { companyId: company, clinicId: p1!.clinicId, patientId: p1!.patientId, visitedAt: new Date(at(p1) + 2 * DAY) } });
    await db.treatmentDeduction.create({ data: { companyId: company, clinicId: p1!.clinicId, patientId: p1!.patientId, performedAt: new Date(at(p1) + 2 * DAY + HOUR), item: "种植", amountCents: 128_000 } });
    // p2: the appointment existed before the call (a reminder): neither it nor its visit count.
    await db.appointment.create({ data: { companyId: company, clinicId: p2!.clinicId, patientId: p2!.patientId, createdAt: new Date(at(p2) - DAY), startsAt: new Date(at(p2) + DAY), status: "arrived" } });
    await db.visit.create({ data: { companyId: company, clinicId: p2!.clinicId, patientId: p2!.patientId, visitedAt: new Date(at(p2) + DAY) } });
    // p3: booked 31 days after the call: outside the default window.
    await db.appointment.create({ data: { companyId: company, clinicId: p3!.clinicId, patientId: p3!.patientId, createdAt: new Date(at(p3) + 31 * DAY), startsAt: new Date(at(p3) + 32 * DAY) } });
    // Every writer of bookings credits them in its transaction (docs/outcomes.md, "Credits are written").
    await recreditPatients(db, company, [p1!.patientId, p2!.patientId, p3!.patientId]);

    const admin = await callerFor(s.a.admin.id);
    const result = await admin.outcomes.scriptFunnels();
    const row = result.scripts.find((r) => r.script.id === fixture.scriptId)!;
    expect(result.windowDays).toBe(30);
    expect(row.funnel).toMatchObject({ booked: 1, visited: 1, revenueCents: 128_000 });
    expect(row.funnel.dialed).toBe(await db.call.count({ where: { scriptId: fixture.scriptId } }));
    expect(row.funnel.answered).toBe(await db.call.count({ where: { scriptId: fixture.scriptId, outcome: "answered" } }));

    // The one funnel path (详情, journey node, clinic, batch, dates) agrees with the per-script table.
    const cut = await admin.outcomes.funnel({ scriptId: fixture.scriptId });
    for (const k of ["dialed", "answered", "effective", "interested", "booked", "visited", "revenueCents", "billedMinutes", "smsSent"] as const) expect(cut.funnel[k]).toBe(row.funnel[k]);
    expect(cut.weeks.reduce((n, w) => n + w.dialed, 0)).toBe(row.funnel.dialed);
    expect(cut.weeks.reduce((n, w) => n + w.booked, 0)).toBe(1);
    const byTask = await db.call.findMany({ where: { scriptId: fixture.scriptId }, select: { clinicId: true, task: { select: { batchId: true } } } });
    const batchId = byTask.find((c) => c.task.batchId)?.task.batchId;
    if (batchId) {
      const batch = await admin.outcomes.funnel({ scriptId: fixture.scriptId, batchId });
      expect(batch.funnel.dialed).toBe(byTask.filter((c) => c.task.batchId === batchId).length);
    }
    const clinicId = p1!.clinicId;
    const inClinic = await admin.outcomes.funnel({ scriptId: fixture.scriptId, clinicId });
    expect(inClinic.funnel.dialed).toBe(byTask.filter((c) => c.clinicId === clinicId).length);
    expect(inClinic.funnel.booked).toBe(1);
    const shanghaiDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
    const dayOfP1 = shanghaiDay(at(p1));
    const sameDay = await admin.outcomes.funnel({ scriptId: fixture.scriptId, from: dayOfP1, to: dayOfP1 });
    expect(sameDay.funnel.booked).toBe(1);
    expect(sameDay.funnel.dialed).toBe(await db.call.count({ where: { scriptId: fixture.scriptId, dialedAt: { gte: new Date(`${dayOfP1}T00:00:00+08:00`), lt: new Date(new Date(`${dayOfP1}T00:00:00+08:00`).getTime() + DAY) } } }));
    const later = shanghaiDay(at(p1) + DAY);
    expect((await admin.outcomes.funnel({ scriptId: fixture.scriptId, from: later, to: later })).funnel.booked).toBe(0);

    // A longer window (company setting) takes p3's booking in.
    // A changed window marks the credits stale; the outcomes-recredit cron recomputes them.
    await db.company.update({ where: { id: company }, data: { attributionWindowDays: 40, callPriceCentsPerMinute: 10, smsPriceCents: 5, outcomeCreditsStaleAt: new Date() } });
    expect((await admin.outcomes.scriptFunnels()).scripts.find((r) => r.script.id === fixture.scriptId)!.funnel.booked).toBe(1);
    await recreditStaleCompanies(db);
    const wider = (await admin.outcomes.scriptFunnels()).scripts.find((r) => r.script.id === fixture.scriptId)!;
    expect(wider.funnel.booked).toBe(2);
    expect(wider.funnel.costPerVisitCents).toBeGreaterThan(0);
    await db.company.update({ where: { id: company }, data: { attributionWindowDays: null, callPriceCentsPerMinute: null, smsPriceCents: null, outcomeCreditsStaleAt: new Date() } });
    await recreditStaleCompanies(db);
    expect((await admin.outcomes.scriptFunnels()).scripts.find((r) => r.script.id === fixture.scriptId)!.funnel.booked).toBe(1);

    // Company B sees none of it.
    const other = await callerFor(s.b.admin.id);
    expect((await other.outcomes.scriptFunnels()).scripts.some((r) => r.script.id === fixture.scriptId)).toBe(false);
  });
});
