import { beforeAll, describe, expect, it } from "vitest";
import { createJourneyCallTasks } from "@/server/services/dialer/create-journey-call-tasks";
import { callerFor, seeded, testDb } from "./fixtures";
import { createDialerCompany, createPatients, createScript, shanghai } from "./dialer-fixtures";

let company: Awaited<ReturnType<typeof createDialerCompany>>;
beforeAll(async () => {
  company = await createDialerCompany("tasks");
});

const APPOINTMENT_LINE = "{patientTitle}您好，提醒您{appointmentTime}在{clinicShortName}有预约。";

describe("starting a batch call (患者管理 → 批量处理 → 智能外呼)", () => {
  it("creates pending tasks for callable patients and failed ones with the seed's reasons", async () => {
    const db = testDb();
    const [open1, , closed] = company.clinicIds;
    const script = await createScript(company.companyId, company.clinicIds, { line: APPOINTMENT_LINE });
    const [withAppointment, withoutAppointment] = await createPatients(company.companyId, open1!, 2);
    const [noMobile] = await createPatients(company.companyId, open1!, 1, { mobile: null });
    const [relativesMobile] = await createPatients(company.companyId, open1!, 1, { hasOwnMobile: false });
    const [notRegistered] = await createPatients(company.companyId, open1!, 1, { registered: false });
    const [notOpened] = await createPatients(company.companyId, closed!, 1);
    for (const p of [withAppointment!, notOpened!, notRegistered!]) {
      await db.appointment.create({ data: { companyId: company.companyId, clinicId: p.clinicId, patientId: p.id, startsAt: shanghai(10, 0, 1) } });
    }
    const caller = await callerFor(company.admin.id);
    const patientIds = [withAppointment, withoutAppointment, noMobile, relativesMobile, notRegistered, notOpened].map((p) => p!.id);
    const result = await caller.batchCall.start({ scriptId: script.id, patientIds });
    expect(result).toMatchObject({
      queued: 1,
      alreadyQueued: 0,
      failed: { missingNextAppointment: 1, noMobile: 1, mobileNotOwn: 1, notRegistered: 1, clinicNotOpened: 1 },
    });
    const tasks = await db.callTask.findMany({ where: { batchId: result.batchId } });
    expect(tasks).toHaveLength(6);
    const byPatient = new Map(tasks.map((t) => [t.patientId, t]));
    expect(byPatient.get(withAppointment!.id)).toMatchObject({ status: "pending", reason: null, source: "batch", maxAttempts: 2 });
    expect(byPatient.get(withoutAppointment!.id)).toMatchObject({ status: "failed", reason: "missingNextAppointment" });

    // Starting again leaves out the patient who is already queued.
    const again = await caller.batchCall.start({ scriptId: script.id, patientIds: [withAppointment!.id] });
    expect(again).toMatchObject({ queued: 0, alreadyQueued: 1 });
  });

  it("accepts tasks for a paused script, refuses stopped and journey-only scripts", async () => {
    const caller = await callerFor(company.admin.id);
    const [p] = await createPatients(company.companyId, company.clinicIds[0]!, 1);
    const paused = await createScript(company.companyId, company.clinicIds, { status: "paused" });
    expect(await caller.batchCall.start({ scriptId: paused.id, patientIds: [p!.id] })).toMatchObject({ queued: 1 });
    const stopped = await createScript(company.companyId, company.clinicIds, { status: "stopped" });
    await expect(caller.batchCall.start({ scriptId: stopped.id, patientIds: [p!.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const journeyOnly = await createScript(company.companyId, company.clinicIds, { journeyOnly: true });
    await expect(caller.batchCall.start({ scriptId: journeyOnly.id, patientIds: [p!.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("treats another company's patients or script as missing, and needs the permission", async () => {
    const s = await seeded();
    const caller = await callerFor(company.admin.id);
    const script = await createScript(company.companyId, company.clinicIds);
    const foreign = await testDb().patient.findFirstOrThrow({ where: { companyId: s.b.company.id } });
    await expect(caller.batchCall.start({ scriptId: script.id, patientIds: [foreign.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const foreignScript = await createScript(s.b.company.id, [s.b.company.clinics[0]!.id]);
    const [mine] = await createPatients(company.companyId, company.clinicIds[0]!, 1);
    await expect(caller.batchCall.start({ scriptId: foreignScript.id, patientIds: [mine!.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await callerFor(s.a.frontDesk.id)).batchCall.start({ scriptId: script.id, patientIds: [mine!.id] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("journey node tasks", () => {
  it("creates one task per roster entry, failed with 话术停用 when the script is stopped", async () => {
    const db = testDb();
    const script = await createScript(company.companyId, company.clinicIds, { status: "stopped" });
    const [p] = await createPatients(company.companyId, company.clinicIds[0]!, 1);
    const journey = await db.journey.create({ data: { companyId: company.companyId, name: "测试旅程", nodes: { create: { kind: "outbound" } } }, include: { nodes: true } });
    const entry = await db.journeyRosterEntry.create({ data: { journeyId: journey.id, nodeId: journey.nodes[0]!.id, patientId: p!.id } });
    const planned = await db.$transaction((tx) =>
      createJourneyCallTasks(tx, { companyId: company.companyId, scriptId: script.id, entries: [{ patientId: p!.id, rosterEntryId: entry.id }], now: new Date() }),
    );
    expect(planned).toEqual([expect.objectContaining({ patientId: p!.id, rosterEntryId: entry.id, failure: "scriptStopped" })]);
    expect(await db.callTask.findUniqueOrThrow({ where: { id: planned[0]!.id } })).toMatchObject({
      source: "journey",
      status: "failed",
      reason: "scriptStopped",
      rosterEntryId: entry.id,
    });
  });
});
