import { beforeAll, describe, expect, it } from "vitest";
import { seedCallRecords } from "@/prisma/seed/seed-call-records";
import { callerFor, seeded, testDb } from "./fixtures";

let s: Awaited<ReturnType<typeof seeded>>;
let patientId: string;

beforeAll(async () => {
  s = await seeded();
  const db = testDb();
  // Patients who have follow-up tasks, so their timelines mix both kinds, in a clinic the seeded 咨询师 covers (which
  // 咨询师 seeded() finds first is not fixed when there are several).
  const consultant = await db.user.findUniqueOrThrow({ where: { id: s.a.consultant.id }, select: { allClinics: true, userClinics: { select: { clinicId: true } } } });
  const clinicId = consultant.allClinics ? s.a.company.clinics[0]!.id : consultant.userClinics[0]!.clinicId;
  const withFollowUps = await db.followUpTask.findMany({
    // The patient still of that clinic: other files of this shared database may have moved a patient since its tasks.
    where: { companyId: s.a.company.id, clinicId, patient: { mobile: { not: null }, clinicId } },
    select: { patientId: true },
    distinct: ["patientId"],
    take: 12,
  });
  const ids = withFollowUps.map((f) => f.patientId);
  await seedCallRecords(db, { companyId: s.a.company.id, now: new Date(), scriptName: "时间轴测试话术", patientIds: ids, pendingRate: 0, interceptedRate: 0, failedRate: 0 });
  const counts = await db.call.groupBy({ by: ["patientId"], where: { patientId: { in: ids } }, _count: { _all: true }, orderBy: { _count: { patientId: "desc" } } });
  patientId = counts[0]!.patientId;
});

describe("follow-up timeline", () => {
  it("merges a patient's 回访 / 随访 tasks and calls by time, newest first, across pages", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const db = testDb();
    const [tasks, calls] = await Promise.all([db.followUpTask.findMany({ where: { patientId } }), db.call.findMany({ where: { patientId } })]);
    const expected = [...tasks.map((t) => ({ id: t.id, at: t.dueAt.getTime() })), ...calls.map((c) => ({ id: c.id, at: c.dialedAt.getTime() }))];

    const seen: { id: string; at: number }[] = [];
    let cursor = null;
    for (let i = 0; i < 20; i++) {
      const page: Awaited<ReturnType<typeof asAdmin.followUps.patientTimeline>> = await asAdmin.followUps.patientTimeline({ patientId, limit: 2, cursor });
      seen.push(...page.entries.map((e) => ({ id: e.id, at: e.at.getTime() })));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(seen.map((e) => e.at)).toEqual([...seen.map((e) => e.at)].sort((a, b) => b - a));
  });

  it("shows a call's 话术名称, 通话状态, 客户意向, start, end and duration, and filters by 跟进 type", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const onlyCalls = await asAdmin.followUps.patientTimeline({ patientId, types: ["outbound"], limit: 50 });
    expect(onlyCalls.entries.length).toBe(await testDb().call.count({ where: { patientId } }));
    expect(onlyCalls.entries.every((e) => e.source === "call")).toBe(true);
    // Other suites share the database and may have called this patient too: check one of this suite's calls.
    const entry = onlyCalls.entries.find((e) => e.source === "call" && e.script.name === "时间轴测试话术");
    if (entry?.source !== "call") throw new Error("this suite's call is missing from the timeline");
    const row = await testDb().call.findUniqueOrThrow({ where: { id: entry.id }, include: { script: true } });
    expect(entry).toMatchObject({ script: { name: "时间轴测试话术" }, outcome: row.outcome, startedAt: row.dialedAt, endedAt: row.endedAt, durationSec: row.durationSec });
    expect(entry.intentLabel).toBeTruthy();

    const onlyRevisits = await asAdmin.followUps.patientTimeline({ patientId, types: ["revisit"], limit: 50 });
    expect(onlyRevisits.entries.every((e) => e.source === "followUp" && e.kind === "revisit")).toBe(true);
  });

  it("shows the calls to everyone who sees the timeline (consultants act on them), the 通话详情 only with 查看话单记录", async () => {
    const asConsultant = await callerFor(s.a.consultant.id);
    const res = await asConsultant.followUps.patientTimeline({ patientId, types: ["outbound"], limit: 50 });
    const calls = res.entries.filter((e) => e.source === "call");
    expect(calls.length).toBe(await testDb().call.count({ where: { patientId } }));
    expect(calls.every((e) => e.source === "call" && !e.detailAllowed)).toBe(true);
    const asAdmin = await callerFor(s.a.admin.id);
    const mine = await asAdmin.followUps.patientTimeline({ patientId, types: ["outbound"], limit: 50 });
    expect(mine.entries.every((e) => e.source === "call" && e.detailAllowed)).toBe(true);
  });

  it("includes 预约 and 到诊 on 客户动态 only, and keeps tenants apart", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const all = await asAdmin.followUps.patientTimeline({ patientId, types: ["appointment", "clinicVisit", "revisit", "visit", "outbound"], limit: 50 });
    const appointments = await testDb().appointment.count({ where: { patientId } });
    expect(all.entries.filter((e) => e.source === "appointment")).toHaveLength(Math.min(appointments, 50));
    await expect(asAdmin.followUps.timeline({ types: ["appointment"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const asB = await callerFor(s.b.admin.id);
    await expect(asB.followUps.patientTimeline({ patientId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists every patient's follow-ups and calls in 回随访记录, within the caller's clinics", async () => {
    const asClinicAdmin = await callerFor(s.a.clinicAdmin.id);
    const res = await asClinicAdmin.followUps.timeline({ limit: 50 });
    expect(res.entries.some((e) => e.source === "call")).toBe(true);
    expect(res.entries.every((e) => e.clinic.id === s.a.company.clinics[0]!.id)).toBe(true);
    expect(new Set(res.entries.map((e) => e.patient.id)).size).toBeGreaterThan(1);
  });

  it("lists pending 回访 / 随访 tasks to execute, most urgent first", async () => {
    const asConsultant = await callerFor(s.a.consultant.id);
    const res = await asConsultant.followUps.tasks({ pageSize: 50 });
    expect(res.total).toBe(
      await testDb().followUpTask.count({ where: { status: "pending", clinicId: { in: (await testDb().userClinic.findMany({ where: { userId: s.a.consultant.id } })).map((u) => u.clinicId) } } }),
    );
    const due = res.items.map((t) => t.dueAt.getTime());
    expect(due).toEqual([...due].sort((a, b) => a - b));
    const mine = await asConsultant.followUps.tasks({ mine: true, pageSize: 50 });
    expect(mine.items.every((t) => t.executor?.id === s.a.consultant.id)).toBe(true);
  });
});
