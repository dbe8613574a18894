import { beforeAll, describe, expect, it } from "vitest";
import { silentMp3 } from "@/prisma/seed/fixture-audio";
import { seedCallRecords, type SeedCallRecordsResult } from "@/prisma/seed/seed-call-records";
import { EFFECTIVE_DIALOGUE_MIN_ROUNDS } from "@/server/domain/calls/call-metrics";
import { loadCallRecording } from "@/server/services/calls/records/load-call-recording";
import { MemoryStorage } from "../support/memory-storage";
import { callerFor, seeded, testDb } from "./fixtures";

const storage = new MemoryStorage();
let fixture: SeedCallRecordsResult;
let other: SeedCallRecordsResult;
let s: Awaited<ReturnType<typeof seeded>>;

beforeAll(async () => {
  s = await seeded();
  const now = new Date();
  fixture = await seedCallRecords(testDb(), {
    companyId: s.a.company.id,
    now,
    scriptName: "话单测试-种植邀约",
    patientCount: 60,
    createdById: s.a.admin.id,
    audio: { storage, synthesize: async () => silentMp3(1) },
  });
  other = await seedCallRecords(testDb(), { companyId: s.a.company.id, now, scriptName: "话单测试-第二话术", patientCount: 15 });
});

describe("话单记录 list", () => {
  it("lists the company's calls newest first with server pagination", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const total = await testDb().call.count({ where: { companyId: s.a.company.id } });
    const first = await asAdmin.callRecords.list({ page: 1, pageSize: 20 });
    const second = await asAdmin.callRecords.list({ page: 2, pageSize: 20 });
    expect(first.total).toBe(total);
    expect(first.items).toHaveLength(20);
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    const times = all.map((r) => r.dialedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("scopes to the caller's clinics", async () => {
    const asClinicAdmin = await callerFor(s.a.clinicAdmin.id);
    const clinicId = s.a.company.clinics[0]!.id;
    const res = await asClinicAdmin.callRecords.list({ pageSize: 100 });
    expect(res.total).toBe(await testDb().call.count({ where: { companyId: s.a.company.id, clinicId } }));
    expect(res.total).toBeGreaterThan(0);
    expect(res.items.every((r) => r.clinic.id === clinicId)).toBe(true);
  });

  it("filters by script, 通话状态, 归属咨询师, 归属网电咨询师 and date range", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const db = testDb();
    const byScript = await asAdmin.callRecords.list({ scriptId: other.scriptId, pageSize: 100 });
    expect(byScript.total).toBe(other.callIds.length);

    const answered = await asAdmin.callRecords.list({ scriptId: fixture.scriptId, outcome: "answered", pageSize: 100 });
    expect(answered.total).toBe(fixture.answeredCallIds.length);
    expect(answered.items.every((r) => r.outcome === "answered" && r.hasRecording)).toBe(true);

    const sample = await db.call.findFirstOrThrow({ where: { scriptId: fixture.scriptId, consultantId: { not: null }, onlineConsultantId: { not: null } } });
    const byConsultant = await asAdmin.callRecords.list({ consultantId: sample.consultantId!, pageSize: 100 });
    expect(byConsultant.total).toBe(await db.call.count({ where: { companyId: s.a.company.id, consultantId: sample.consultantId } }));
    expect(byConsultant.items.every((r) => r.consultant?.id === sample.consultantId)).toBe(true);
    const byOnline = await asAdmin.callRecords.list({ onlineConsultantId: sample.onlineConsultantId!, pageSize: 100 });
    expect(byOnline.items.every((r) => r.onlineConsultant?.id === sample.onlineConsultantId)).toBe(true);

    // A Shanghai calendar day: [00:00, 24:00) +08:00.
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(sample.dialedAt);
    const start = new Date(`${day}T00:00:00+08:00`);
    const end = new Date(start.getTime() + 86_400_000);
    const byDay = await asAdmin.callRecords.list({ from: day, to: day, pageSize: 100 });
    expect(byDay.total).toBe(await db.call.count({ where: { companyId: s.a.company.id, dialedAt: { gte: start, lt: end } } }));
    expect(byDay.items.map((r) => r.id)).toContain(sample.id);
  });

  it("offers 客户意向 only after a script is chosen, from the intents in that script's records", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    await expect(asAdmin.callRecords.list({ intent: "interested" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const options = await asAdmin.callRecords.intents({ scriptId: fixture.scriptId });
    const present = await testDb().call.groupBy({ by: ["intent"], where: { scriptId: fixture.scriptId }, _count: { _all: true } });
    expect(options.map((o) => o.key).sort()).toEqual(present.map((p) => p.intent).sort());
    expect(options.find((o) => o.key === "noAnswer")?.label).toBe("未接");
    const interested = options.find((o) => o.key === "interested");
    if (interested) {
      expect(interested.label).toBe("有意向");
      const res = await asAdmin.callRecords.list({ scriptId: fixture.scriptId, intent: "interested", pageSize: 100 });
      expect(res.total).toBe(interested.count);
      expect(res.items.every((r) => r.intentLabel === "有意向")).toBe(true);
    }
  });

  it("masks 手机号 unless the viewer may see full numbers", async () => {
    const db = testDb();
    const role = await db.role.create({
      data: {
        companyId: s.a.company.id,
        key: "custom",
        name: "话单查看员",
        isSystem: false,
        permissions: { create: [{ permission: "outbound.records.view" }] },
      },
    });
    const user = await db.user.create({
      data: { companyId: s.a.company.id, roleId: role.id, name: "话单查看员", passwordHash: "x", allClinics: true },
    });
    try {
      const masked = await (await callerFor(user.id)).callRecords.list({ pageSize: 20 });
      expect(masked.items.every((r) => /^1\d{2}\*{4}\d{4}$/.test(r.mobile))).toBe(true);
      const detail = await (await callerFor(user.id)).callRecords.byId({ id: fixture.answeredCallIds[0]! });
      expect(detail.recording).toMatchObject({ src: null, downloadHref: null });
      const full = await (await callerFor(s.a.admin.id)).callRecords.list({ pageSize: 20 });
      expect(full.items.every((r) => /^1[3-9]\d{9}$/.test(r.mobile))).toBe(true);
    } finally {
      await db.user.delete({ where: { id: user.id } });
      await db.role.delete({ where: { id: role.id } });
    }
  });

  it("refuses callers without 查看话单记录 and hides other tenants' calls", async () => {
    const asFrontDesk = await callerFor(s.a.frontDesk.id);
    await expect(asFrontDesk.callRecords.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const asClinicAdmin = await callerFor(s.a.clinicAdmin.id);
    const elsewhere = await testDb().call.findFirstOrThrow({ where: { companyId: s.a.company.id, clinicId: { not: s.a.company.clinics[0]!.id } } });
    await expect(asClinicAdmin.callRecords.byId({ id: elsewhere.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Company B has not been approved for 智能外呼: its admin is refused before any lookup.
    const asB = await callerFor(s.b.admin.id);
    await expect(asB.callRecords.byId({ id: elsewhere.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("通话详情 and recordings", () => {
  it("returns the transcript by round, the intent and the recording's address", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const id = fixture.answeredCallIds[0]!;
    const row = await testDb().call.findUniqueOrThrow({ where: { id } });
    const detail = await asAdmin.callRecords.byId({ id });
    expect(detail.outcome).toBe("answered");
    expect(detail.transcript.length).toBeGreaterThan(0);
    expect(detail.transcript.every((r) => r.turns[0]!.speaker === "ai")).toBe(true);
    expect(detail.transcript.flatMap((r) => r.turns).length).toBe((row.transcript as unknown[]).length);
    // 对话轮次 is the number of 第N轮 labels (an AI line the patient replied to).
    expect(detail.rounds).toBe(detail.transcript.filter((r) => r.index !== null).length);
    expect(detail.transcript.filter((r) => r.index !== null).map((r) => r.index)).toEqual(Array.from({ length: detail.rounds }, (_, i) => i + 1));
    expect(detail.recording?.src).toBe(`/api/call-records/${id}/recording`);
    expect(detail.intentLabel).not.toBeNull();
  });

  it("names the download after the patient and the call's Shanghai start time", async () => {
    const id = fixture.answeredCallIds[0]!;
    const call = await testDb().call.findUniqueOrThrow({ where: { id }, include: { patient: true } });
    const rec = await loadCallRecording(testDb(), { companyId: s.a.company.id, clinicIds: s.a.company.clinics.map((c) => c.id) }, id);
    const stamp = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "medium" })
      .format(call.dialedAt)
      .replace(/:/g, "_");
    expect(rec.fileName).toBe(`${call.patient.name} ${stamp}外呼录音.mp3`);
    const object = await storage.get(rec.storageKey);
    expect(object?.body.subarray(0, 3).toString("latin1")).toMatch(/^(ID3|\xff[\xe0-\xff])/);
    const unanswered = await testDb().call.findFirstOrThrow({ where: { scriptId: fixture.scriptId, outcome: { not: "answered" } } });
    await expect(loadCallRecording(testDb(), { companyId: s.a.company.id, clinicIds: s.a.company.clinics.map((c) => c.id) }, unanswered.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("执行数据 / 通话数据 summary", () => {
  it("equals what the call tasks and calls say", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const { metrics } = await asAdmin.callRecords.summary({ scriptId: fixture.scriptId });
    const db = testDb();
    const tasks = await db.callTask.findMany({ where: { scriptId: fixture.scriptId } });
    const calls = await db.call.findMany({ where: { scriptId: fixture.scriptId } });
    const answered = calls.filter((c) => c.outcome === "answered");
    const effective = answered.filter((c) => c.rounds >= EFFECTIVE_DIALOGUE_MIN_ROUNDS);
    const pct = (n: number) => Math.round((n / calls.length) * 1000) / 10;
    expect(metrics.execution).toEqual({
      pending: tasks.filter((t) => t.status === "pending" || t.status === "dialing").length,
      intercepted: tasks.filter((t) => t.status === "intercepted").length,
      dialed: calls.length,
      failed: calls.filter((c) => c.outcome === "failed").length,
      dispatchFailed: tasks.filter((t) => t.status === "failed" || t.status === "cancelled").length,
    });
    expect(metrics.calls).toEqual({
      answeredPatients: new Set(answered.map((c) => c.patientId)).size,
      answerRate: pct(answered.length),
      effectivePatients: new Set(effective.map((c) => c.patientId)).size,
      effectiveRate: pct(effective.length),
      avgDurationSec: Math.round(answered.reduce((n, c) => n + c.durationSec, 0) / answered.length),
    });
    const all = await asAdmin.callRecords.summary({});
    expect(all.metrics.execution.dialed).toBe(await db.call.count({ where: { companyId: s.a.company.id } }));
  });

  it("counts exactly the calls the list shows under every filter (dates, 通话状态, 门店, search)", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const db = testDb();
    const sample = await db.call.findFirstOrThrow({ where: { scriptId: fixture.scriptId, outcome: "answered" }, include: { patient: true } });
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(sample.dialedAt);
    const filters = [
      { from: day, to: day },
      { scriptId: fixture.scriptId, outcome: "failed" as const },
      { clinicId: sample.clinicId },
      { q: sample.patient.name },
      { q: sample.mobile.slice(-6) },
      { scriptId: fixture.scriptId, outcome: "answered" as const, from: day },
    ];
    for (const f of filters) {
      const [list, summary] = await Promise.all([asAdmin.callRecords.list({ ...f, pageSize: 100 }), asAdmin.callRecords.summary(f)]);
      expect(list.total, JSON.stringify(f)).toBeGreaterThan(0);
      expect(summary.filtered).toBe(true);
      expect(summary.metrics.execution.dialed, JSON.stringify(f)).toBe(list.total);
      expect(summary.metrics.execution.failed).toBe(list.items.filter((r) => r.outcome === "failed").length);
      const answered = list.items.filter((r) => r.outcome === "answered");
      expect(summary.metrics.calls.answeredPatients).toBe(new Set(answered.map((r) => r.patient.id)).size);
    }
    // The search finds the patient by name or by part of the number, and nobody else's calls by name.
    const byName = await asAdmin.callRecords.list({ q: sample.patient.name, pageSize: 100 });
    expect(byName.items.every((r) => r.patient.name.includes(sample.patient.name))).toBe(true);
    expect(byName.items.map((r) => r.id)).toContain(sample.id);
    const byMobile = await asAdmin.callRecords.list({ q: sample.mobile.slice(-6), pageSize: 100 });
    expect(byMobile.items.map((r) => r.id)).toContain(sample.id);
    // 门店: one clinic's calls; a clinic outside the caller's scope lists nothing.
    const byClinic = await asAdmin.callRecords.list({ clinicId: sample.clinicId, pageSize: 100 });
    expect(byClinic.total).toBe(await db.call.count({ where: { companyId: s.a.company.id, clinicId: sample.clinicId } }));
    const asClinicAdmin = await callerFor(s.a.clinicAdmin.id);
    const foreign = s.a.company.clinics.find((c) => c.id !== s.a.company.clinics[0]!.id)!.id;
    expect((await asClinicAdmin.callRecords.list({ clinicId: foreign })).total).toBe(0);
    // A call-only filter says nothing about tasks: their figures are withheld, not taken from other rows.
    const byOutcome = await asAdmin.callRecords.summary({ scriptId: fixture.scriptId, outcome: "failed" });
    expect(byOutcome.taskFigures).toBe(false);
    // Dates narrow the task figures by the day the task was added.
    const byDay = await asAdmin.callRecords.summary({ scriptId: fixture.scriptId, from: day, to: day });
    expect(byDay.taskFigures).toBe(true);
    const start = new Date(`${day}T00:00:00+08:00`);
    const end = new Date(start.getTime() + 86_400_000);
    expect(byDay.metrics.execution.pending).toBe(
      await db.callTask.count({ where: { scriptId: fixture.scriptId, status: { in: ["pending", "dialing"] }, createdAt: { gte: start, lt: end } } }),
    );
  });

  it("refuses an end date before the start date with a clear message", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    await expect(asAdmin.callRecords.list({ from: "2026-11-30", to: "2026-11-01" })).rejects.toThrow("结束日期不能早于开始日期");
    await expect(asAdmin.callRecords.summary({ from: "2026-11-30", to: "2026-11-01" })).rejects.toThrow("结束日期不能早于开始日期");
  });
});
