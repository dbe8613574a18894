import { beforeAll, describe, expect, it } from "vitest";
import { seedCallRecords, type SeedCallRecordsResult } from "@/prisma/seed/seed-call-records";
import type { CallAnalysis } from "@/server/ports/intent";
import { setCallAnalysis, type CallAnalysisMeta } from "@/server/services/calls/set-call-analysis";
import { callerFor, seeded, testDb } from "./fixtures";

let s: Awaited<ReturnType<typeof seeded>>;
let fixture: SeedCallRecordsResult;
const meta: CallAnalysisMeta = { status: "rules", by: "rules-v1", error: null, at: new Date() };
const analysis = (over: Partial<CallAnalysis>): CallAnalysis => ({
  intent: null,
  label: null,
  canonical: null,
  optOut: false,
  rule: "positive",
  reached: "patient",
  complaint: false,
  trigger: null,
  confidence: 0.9,
  callbackRequested: false,
  proposedTime: null,
  summary: null,
  reason: null,
  ...over,
});
const callRow = (id: string) =>
  testDb().call.findUniqueOrThrow({ where: { id }, select: { id: true, taskId: true, attempt: true, intent: true, patientId: true, clinicId: true, endedAt: true, dialedAt: true } });

beforeAll(async () => {
  s = await seeded();
  const consultant = await testDb().user.findUniqueOrThrow({ where: { id: s.a.consultant.id }, select: { allClinics: true, userClinics: { select: { clinicId: true } } } });
  const patients = await testDb().patient.findMany({
    where: { companyId: s.a.company.id, mobile: { not: null }, ...(consultant.allClinics ? {} : { clinicId: { in: consultant.userClinics.map((c) => c.clinicId) } }), clinic: { outboundOpenedAt: { not: null } } },
    take: 12,
    orderBy: { id: "asc" },
    select: { id: true },
  });
  // The database is shared by every integration file: an open task another file left for one of these patients would
  // be updated (one open task per patient and reason), not created, with that file's executor.
  await testDb().followUpTask.deleteMany({ where: { patientId: { in: patients.map((p) => p.id) } } });
  await testDb().appointmentRequest.deleteMany({ where: { patientId: { in: patients.map((p) => p.id) } } });
  fixture = await seedCallRecords(testDb(), { companyId: s.a.company.id, now: new Date(), scriptName: "回访任务测试-种植邀约", patientIds: patients.map((p) => p.id) });
  expect(fixture.answeredCallIds.length).toBeGreaterThanOrEqual(5);
});

describe("回访任务 from analysed calls", () => {
  it("files a call-back and a proposed time for the patient's consultant, once, however often the call is analysed", async () => {
    const db = testDb();
    const call = await callRow(fixture.answeredCallIds[0]!);
    await db.patient.update({ where: { id: call.patientId }, data: { consultantId: s.a.consultant.id, onlineConsultantId: null } });
    await db.call.update({ where: { id: call.id }, data: { summary: "患者想周六来看种植" } });
    const a = analysis({ callbackRequested: true, proposedTime: "周六上午" });
    await setCallAnalysis(db, call, a, meta);
    await setCallAnalysis(db, call, a, meta);

    const tasks = await db.followUpTask.findMany({ where: { patientId: call.patientId, callId: call.id }, orderBy: { reason: "asc" } });
    expect(tasks.map((t) => t.reason).sort()).toEqual(["appointment", "callback"]);
    // Marketing script: no 网电咨询师, so the 咨询师.
    expect(tasks.every((t) => t.executorId === s.a.consultant.id && t.status === "pending")).toBe(true);
    expect(tasks[0]!.content).toContain("周六");
    const requests = await db.appointmentRequest.findMany({ where: { callId: call.id } });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.said).toBe("周六上午");
    expect(requests[0]!.slotStart).not.toBeNull();
    // Saturday 09:00 in Shanghai = 01:00 UTC.
    expect(requests[0]!.slotStart!.getUTCDay()).toBe(6);
    expect(requests[0]!.slotStart!.getUTCHours()).toBe(1);
    expect(await db.appointment.count({ where: { patientId: call.patientId, createdAt: { gte: meta.at } } })).toBe(0);
  });

  it("keeps one open task per patient and reason: a later call updates it", async () => {
    const db = testDb();
    const first = await callRow(fixture.answeredCallIds[0]!);
    const second = await callRow(fixture.answeredCallIds[1]!);
    await db.call.update({ where: { id: second.id }, data: { patientId: first.patientId, clinicId: first.clinicId } });
    await setCallAnalysis(db, second, analysis({ callbackRequested: true, trigger: "你们上次收费太乱了" }), meta);
    const open = await db.followUpTask.findMany({ where: { patientId: first.patientId, reason: "callback", status: "pending" } });
    expect(open).toHaveLength(1);
    expect(open[0]!.callId).toBe(second.id);
    expect(open[0]!.triggerSentence).toBe("你们上次收费太乱了");
  });

  it("asks nothing when a machine answered; a complaint is due in two hours", async () => {
    const db = testDb();
    const call = await callRow(fixture.answeredCallIds[2]!);
    await setCallAnalysis(db, call, analysis({ reached: "voicemail", callbackRequested: true }), meta);
    expect(await db.followUpTask.count({ where: { callId: call.id } })).toBe(0);
    await setCallAnalysis(db, call, analysis({ complaint: true, callbackRequested: true }), meta);
    const [task] = await db.followUpTask.findMany({ where: { callId: call.id } });
    expect(task!.reason).toBe("complaint");
    expect(task!.dueAt.getTime() - (call.endedAt ?? call.dialedAt).getTime()).toBe(2 * 3600_000);
  });

  it("lists, filters and completes tasks; the result is on the patient's timeline and a new call opens a new task", async () => {
    const db = testDb();
    const call = await callRow(fixture.answeredCallIds[0]!);
    const consultant = await callerFor(s.a.consultant.id);
    const admin = await callerFor(s.a.admin.id);
    const mine = await consultant.followUps.tasks({ mine: true, reason: "callback" });
    const task = mine.items.find((t) => t.patient.id === call.patientId)!;
    expect(task).toBeDefined();
    const overdue = await admin.followUps.tasks({ overdue: true, now: new Date(task.dueAt.getTime() + 1000), pageSize: 100 });
    expect(overdue.items.some((t) => t.id === task.id)).toBe(true);
    const notYet = await admin.followUps.tasks({ overdue: true, now: new Date(task.dueAt.getTime() - 1000), pageSize: 100 });
    expect(notYet.items.some((t) => t.id === task.id)).toBe(false);

    await consultant.followUps.complete({ id: task.id, outcome: "notReachable", note: "两次未接" });
    await expect(consultant.followUps.complete({ id: task.id, outcome: "reached" })).rejects.toMatchObject({ code: "CONFLICT" });
    const timeline = await admin.followUps.patientTimeline({ patientId: call.patientId });
    expect(timeline.entries.find((e) => e.source === "followUp" && e.id === task.id)).toMatchObject({ status: "done", result: "未联系上：两次未接" });

    // 重新分析 of a call already dealt with reopens nothing; a new call after the completion opens a new task.
    await setCallAnalysis(db, call, analysis({ callbackRequested: true }), meta);
    expect(await db.followUpTask.count({ where: { patientId: call.patientId, reason: "callback", status: "pending" } })).toBe(0);
    const third = await callRow(fixture.answeredCallIds[3]!);
    const later = new Date(Date.now() + 60_000);
    await db.call.update({ where: { id: third.id }, data: { patientId: call.patientId, clinicId: call.clinicId, dialedAt: later, endedAt: later } });
    await setCallAnalysis(db, third, analysis({ callbackRequested: true }), meta);
    expect(await db.followUpTask.count({ where: { patientId: call.patientId, reason: "callback", status: "pending" } })).toBe(1);
  });
});

describe("预约意向", () => {
  it("becomes an appointment only when the front desk confirms; its task is completed as booked", async () => {
    const db = testDb();
    const call = await callRow(fixture.answeredCallIds[0]!);
    const front = await callerFor(s.a.admin.id);
    const list = await front.followUps.appointmentRequests({});
    const request = list.items.find((r) => r.callId === call.id)!;
    expect(request).toMatchObject({ said: "周六上午", status: "pending" });
    const { appointmentId } = await front.followUps.confirmAppointmentRequest({ id: request.id });
    const appointment = await db.appointment.findUniqueOrThrow({ where: { id: appointmentId } });
    expect(appointment).toMatchObject({ status: "scheduled", patientId: call.patientId, startsAt: request.slotStart });
    const task = await db.followUpTask.findFirstOrThrow({ where: { callId: call.id, reason: "appointment" } });
    expect(task).toMatchObject({ status: "done", outcome: "booked", openKey: null });
    await expect(front.followUps.confirmAppointmentRequest({ id: request.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps a rejection's note and makes no appointment", async () => {
    const db = testDb();
    const call = await callRow(fixture.answeredCallIds[4]!);
    await setCallAnalysis(db, call, analysis({ proposedTime: "月底" }), meta);
    const admin = await callerFor(s.a.admin.id);
    const request = (await admin.followUps.appointmentRequests({})).items.find((r) => r.callId === call.id)!;
    expect(request.slotStart).toBeNull();
    await expect(admin.followUps.confirmAppointmentRequest({ id: request.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const before = await db.appointment.count({ where: { patientId: call.patientId } });
    await admin.followUps.rejectAppointmentRequest({ id: request.id, note: "患者只是随口一说" });
    expect(await db.appointmentRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "rejected", note: "患者只是随口一说" });
    expect(await db.appointment.count({ where: { patientId: call.patientId } })).toBe(before);
  });
});
