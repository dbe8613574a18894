import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/server/domain/auth/permissions";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { changeCallBatch } from "@/server/services/dialer/batch/change-call-batch";
import { listCallBatches } from "@/server/services/dialer/batch/list-call-batches";
import { listSmsMessages } from "@/server/services/sms/list-sms-messages";
import { callerFor, testDb } from "./fixtures";
import { createDialerCompany, createPatients, createScript, shanghai } from "./dialer-fixtures";

let company: Awaited<ReturnType<typeof createDialerCompany>>;
let scope: { companyId: string; clinicIds: string[] };
let admin: Viewer;

beforeAll(async () => {
  company = await createDialerCompany("batchlist", { seatsPerScript: 50 });
  scope = { companyId: company.companyId, clinicIds: company.clinicIds };
  admin = { userId: company.admin.id, name: "管理员", companyId: company.companyId, roleKey: "companyAdmin", roleName: null, isPlatformAdmin: false, clinicIds: company.clinicIds, permissions: new Set(["sms.manage", "patients.mobile.view"]) };
});

async function startBatch(count: number) {
  const script = await createScript(company.companyId, company.clinicIds);
  const patients = await createPatients(company.companyId, company.clinicIds[0]!, count);
  const asAdmin = await callerFor(company.admin.id);
  const started = await asAdmin.batchCall.start({ scriptId: script.id, patientIds: patients.map((p) => p.id) });
  return { script, patients, batchId: started.batchId };
}

const pendingOf = (batchId: string) => testDb().callTask.count({ where: { batchId, status: "pending" } });

describe("外呼批次", () => {
  it("lists a batch with who launched it and its figures; a paused batch is not dialed until resumed; cancel ends its waiting tasks", async () => {
    const { batchId } = await startBatch(4);
    const other = await startBatch(2);
    const at = shanghai(10, 0, 1); // tomorrow: after the tasks are due, whatever the hour the test runs

    let list = await listCallBatches(testDb(), scope, {}, at);
    const row = list.items.find((b) => b.id === batchId)!;
    expect(row).toMatchObject({ status: "running", total: 4, called: 0, answered: 0, intercepted: 0, waiting: 4, held: null });
    expect(row.createdBy).toBeTruthy();
    expect(row.eta).toBeInstanceOf(Date);

    await changeCallBatch(testDb(), scope, admin, { batchId, action: "pause" }, at);
    const tick = await runDialerTick(testDb(), { now: at, workerId: "batchlist", companyId: company.companyId });
    const claimedTasks = await testDb().callTask.findMany({ where: { id: { in: tick.claimed.map((c) => c.taskId) } }, select: { batchId: true } });
    expect(claimedTasks.some((t) => t.batchId === batchId)).toBe(false);
    expect(claimedTasks.filter((t) => t.batchId === other.batchId)).toHaveLength(2);
    expect(await pendingOf(batchId)).toBe(4);
    list = await listCallBatches(testDb(), scope, { status: "paused" }, at);
    expect(list.items.map((b) => b.id)).toEqual([batchId]);
    expect(list.items[0]).toMatchObject({ eta: null, held: "paused" });

    await changeCallBatch(testDb(), scope, admin, { batchId, action: "resume" }, at);
    const resumed = await runDialerTick(testDb(), { now: new Date(at.getTime() + 1000), workerId: "batchlist", companyId: company.companyId });
    const resumedTasks = await testDb().callTask.findMany({ where: { id: { in: resumed.claimed.map((c) => c.taskId) } }, select: { batchId: true } });
    expect(resumedTasks.filter((t) => t.batchId === batchId).length).toBeGreaterThan(0);

    const third = await startBatch(3);
    const result = await changeCallBatch(testDb(), scope, admin, { batchId: third.batchId, action: "cancel" }, at);
    expect(result).toMatchObject({ status: "cancelled", cancelledTasks: 3 });
    expect(await testDb().callTask.findMany({ where: { batchId: third.batchId }, select: { status: true, reason: true } })).toEqual(
      Array(3).fill({ status: "cancelled", reason: "batchCancelled" }),
    );
    await expect(changeCallBatch(testDb(), scope, admin, { batchId: third.batchId, action: "resume" }, at)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await testDb().auditLog.count({ where: { targetId: third.batchId, action: "outbound.batch.cancel" } })).toBe(1);
  });

  it("hides batches of clinics the caller cannot see, and refuses to change one that reaches beyond them", async () => {
    const { batchId } = await startBatch(2);
    const [, c1, c2] = company.clinicIds as [string, string, string];
    expect((await listCallBatches(testDb(), { companyId: company.companyId, clinicIds: [c1, c2] }, {})).items.some((b) => b.id === batchId)).toBe(false);
    await expect(changeCallBatch(testDb(), { companyId: company.companyId, clinicIds: [c1] }, admin, { batchId, action: "pause" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("短信发送记录", () => {
  it("lists the company's SMS with status, reason and template, filters them, and masks numbers without 查看完整手机号", async () => {
    const db = testDb();
    const [patient] = await createPatients(company.companyId, company.clinicIds[0]!, 1);
    const template = await db.smsTemplate.create({ data: { companyId: company.companyId, name: "发送记录测试模板", content: "您好", status: "approved" } });
    const day = shanghai(10);
    await db.smsMessage.createMany({
      data: [
        { companyId: company.companyId, patientId: patient!.id, templateId: template.id, mobile: patient!.mobile!, content: "您好A", status: "sent", createdAt: day, sentAt: day },
        { companyId: company.companyId, patientId: patient!.id, templateId: template.id, mobile: patient!.mobile!, content: "您好B", status: "failed", error: "insufficientSmsQuota", createdAt: day },
      ],
    });
    const all = await listSmsMessages(db, scope, admin, { templateId: template.id });
    expect(all.total).toBe(2);
    expect(all.items.find((m) => m.status === "failed")).toMatchObject({ failReason: "短信余量不足", templateName: "发送记录测试模板", patientName: patient!.name, mobile: patient!.mobile });
    expect(all.templates.map((t) => t.id)).toContain(template.id);
    expect((await listSmsMessages(db, scope, admin, { templateId: template.id, status: "sent" })).items.map((m) => m.content)).toEqual(["您好A"]);
    const dayStr = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(day);
    expect((await listSmsMessages(db, scope, admin, { templateId: template.id, from: dayStr, to: dayStr })).total).toBe(2);
    const masked = await listSmsMessages(db, scope, { ...admin, permissions: new Set(["sms.manage"]) }, { templateId: template.id });
    expect(masked.items[0]!.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
    const [, c1] = company.clinicIds as [string, string];
    expect((await listSmsMessages(db, { companyId: company.companyId, clinicIds: [c1] }, admin, { templateId: template.id })).total).toBe(0);
    await expect(listSmsMessages(db, scope, admin, { from: "2026-12-07", to: "2026-12-01" })).rejects.toThrow();
  });
});
