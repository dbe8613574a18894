import { buffer } from "node:stream/consumers";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { seedCallRecords, type SeedCallRecordsResult } from "@/prisma/seed/seed-call-records";
import { loadViewer } from "@/server/services/auth/load-viewer";
import { exportScriptRoster, type RosterExportLabels } from "@/server/services/dialer/outbound/export-script-roster";
import { ROSTER_STATUSES } from "@/server/services/dialer/outbound/roster-query";
import { callerFor, seeded, testDb } from "./fixtures";

const LABELS: RosterExportLabels = {
  sheetName: "客户名单",
  headers: ["姓名", "性别", "手机号", "病历号", "外呼门店", "执行状态", "添加员工", "添加时间", "失败原因"],
  gender: { male: "男", female: "女", unknown: "未知" },
  status: { waiting: "待呼叫", redialWaiting: "等待重拨", calling: "呼叫中", answered: "已接听", notConnected: "未接通", intercepted: "已拦截", cancelled: "已取消", failed: "呼叫失败" },
  locale: "zh-CN",
  timeZone: "Asia/Shanghai",
};

let s: Awaited<ReturnType<typeof seeded>>;
let fixture: SeedCallRecordsResult;

beforeAll(async () => {
  s = await seeded();
  fixture = await seedCallRecords(testDb(), {
    companyId: s.a.company.id,
    now: new Date(),
    scriptName: "外呼管理测试话术",
    patientCount: 50,
    createdById: s.a.admin.id,
    pendingRate: 0.1,
    interceptedRate: 0.1,
    failedRate: 0.1,
  });
});

async function customUser(permissions: string[]) {
  const db = testDb();
  const role = await db.role.create({
    data: { companyId: s.a.company.id, key: "custom", name: `自定义-${permissions.join(",")}`, isSystem: false, permissions: { create: permissions.map((permission) => ({ permission })) } },
  });
  const user = await db.user.create({ data: { companyId: s.a.company.id, roleId: role.id, name: "自定义员工", passwordHash: "x", allClinics: true } });
  return { id: user.id, cleanup: async () => (await db.user.delete({ where: { id: user.id } }), await db.role.delete({ where: { id: role.id } })) };
}

describe("外呼管理", () => {
  it("lists scripts with their 执行数据, enabled ones first", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const res = await asAdmin.outboundManagement.scripts({ pageSize: 50 });
    const row = res.items.find((i) => i.id === fixture.scriptId)!;
    const db = testDb();
    const tasks = await db.callTask.groupBy({ by: ["status"], where: { scriptId: fixture.scriptId }, _count: { _all: true } });
    const n = (...st: string[]) => tasks.filter((t) => st.includes(t.status)).reduce((a, t) => a + t._count._all, 0);
    expect(row.execution).toEqual({
      pending: n("pending", "dialing"),
      intercepted: n("intercepted"),
      dialed: await db.call.count({ where: { scriptId: fixture.scriptId } }),
      // 失败通话数 = 呼叫失败的通话数; tasks never dispatched are 下发失败.
      failed: await db.call.count({ where: { scriptId: fixture.scriptId, outcome: "failed" } }),
      dispatchFailed: n("failed", "cancelled"),
    });
    const order = res.items.map((i) => ({ enabled: 0, paused: 1, stopped: 2 })[i.status]);
    expect(order).toEqual([...order].sort());
  });

  it("gives the detail's figures, live while patients wait to be called", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const detail = await asAdmin.outboundManagement.detail({ id: fixture.scriptId });
    const summary = await asAdmin.callRecords.summary({ scriptId: fixture.scriptId });
    expect(detail.metrics).toEqual(summary.metrics);
    expect(detail.active).toBe(detail.metrics.execution.pending > 0);
  });

  it("pages the 客户名单 with 执行状态 and the seed's 失败原因", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const all = await asAdmin.outboundManagement.roster({ scriptId: fixture.scriptId, pageSize: 100 });
    expect(all.total).toBe(fixture.taskIds.length);
    const failed = await asAdmin.outboundManagement.roster({ scriptId: fixture.scriptId, status: "failed", pageSize: 100 });
    expect(failed.total).toBe(await testDb().callTask.count({ where: { scriptId: fixture.scriptId, status: "failed" } }));
    expect(failed.items.every((r) => ["缺少下次预约信息", "客户暂无手机号", "手机号非本人（如家属号码），不外呼"].includes(r.failReason ?? ""))).toBe(true);
    const answered = await asAdmin.outboundManagement.roster({ scriptId: fixture.scriptId, status: "answered", pageSize: 100 });
    expect(answered.items.every((r) => r.status === "answered" && r.failReason === null)).toBe(true);
    expect(all.items.find((r) => r.status === "intercepted")?.failReason).toBe("同一手机号15天内限拨打1次");
  });

  it("keeps 客户名单 to 管理外呼任务, and masks 手机号 without 查看完整手机号", async () => {
    const viewerOnly = await customUser(["outbound.view"]);
    const manager = await customUser(["outbound.view", "outbound.tasks.manage"]);
    try {
      await expect((await callerFor(viewerOnly.id)).outboundManagement.roster({ scriptId: fixture.scriptId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const res = await (await callerFor(manager.id)).outboundManagement.roster({ scriptId: fixture.scriptId, pageSize: 50 });
      expect(res.items.filter((r) => r.mobile).every((r) => /^1\d{2}\*{4}\d{4}$/.test(r.mobile))).toBe(true);
    } finally {
      await viewerOnly.cleanup();
      await manager.cleanup();
    }
  });

  it("pages the 客户名单 newest first (ties on 添加时间 by id) with no row lost or repeated at page boundaries, for every clinic scope", async () => {
    const db = testDb();
    // A batch import gives many tasks the same 添加时间: make a tie that straddles the first page boundary.
    const tied = (await db.callTask.findMany({ where: { scriptId: fixture.scriptId }, orderBy: { id: "asc" }, select: { id: true } })).slice(0, 14);
    await db.callTask.updateMany({ where: { id: { in: tied.map((t) => t.id) } }, data: { createdAt: new Date(Date.now() + 60_000) } });
    const cases = [
      { userId: s.a.admin.id, where: { scriptId: fixture.scriptId }, status: undefined },
      { userId: s.a.clinicAdmin.id, where: { scriptId: fixture.scriptId, clinicId: s.a.company.clinics[0]!.id }, status: undefined },
      { userId: s.a.admin.id, where: { scriptId: fixture.scriptId, status: "ended" as const, lastOutcome: { not: "answered" as const } }, status: "notConnected" as const },
    ];
    for (const c of cases) {
      const expected = (await db.callTask.findMany({ where: c.where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } })).map((t) => t.id);
      expect(expected.length).toBeGreaterThan(c.status ? 0 : 10); // more than a page, so a boundary is crossed
      const caller = await callerFor(c.userId);
      const seen: string[] = [];
      for (let page = 1; page <= Math.ceil(expected.length / 10) + 1; page++) {
        const res = await caller.outboundManagement.roster({ scriptId: fixture.scriptId, status: c.status, page, pageSize: 10 });
        expect(res.total).toBe(expected.length);
        seen.push(...res.items.map((r) => r.id));
      }
      expect(seen).toEqual(expected);
    }
  });

  it("scopes to the caller's clinics and company", async () => {
    const asClinicAdmin = await callerFor(s.a.clinicAdmin.id);
    const res = await asClinicAdmin.outboundManagement.roster({ scriptId: fixture.scriptId, pageSize: 100 });
    expect(res.total).toBe(await testDb().callTask.count({ where: { scriptId: fixture.scriptId, clinicId: s.a.company.clinics[0]!.id } }));
    await expect((await callerFor(s.b.admin.id)).outboundManagement.detail({ id: fixture.scriptId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("客户名单 export", () => {
  it("streams every task as a row under the seed's columns, named 「{话术名称}客户名单{YYYY_MM_DD_HH_mm}」", async () => {
    const viewer = (await loadViewer(testDb(), s.a.admin.id))!;
    const scope = { companyId: s.a.company.id, clinicIds: viewer.clinicIds };
    const now = new Date("2022-03-12T04:12:30Z");
    const { fileName, stream, done } = await exportScriptRoster(testDb(), scope, viewer, { scriptId: fixture.scriptId }, LABELS, now);
    expect(fileName).toBe("外呼管理测试话术客户名单2022_03_12_12_12.xlsx");
    const bytes = await buffer(stream);
    expect(await done).toBe(fixture.taskIds.length);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("客户名单")!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...LABELS.headers]);
    expect(sheet.actualRowCount).toBe(fixture.taskIds.length + 1);
    const task = await testDb().callTask.findFirstOrThrow({ where: { scriptId: fixture.scriptId, status: "failed", reason: "missingNextAppointment", patient: { medicalRecordNo: { not: null } } }, include: { patient: true } });
    const line = sheet.getRows(2, sheet.actualRowCount - 1)!.find((r) => r.getCell(4).value === task.patient.medicalRecordNo)!;
    expect([line.getCell(1).value, line.getCell(6).value, line.getCell(9).value]).toEqual([task.patient.name, "呼叫失败", "缺少下次预约信息"]);
  });
  it("exports per 执行状态 exactly the tasks the 客户名单 lists for it (the export's SQL filter agrees with the list's)", async () => {
    const viewer = (await loadViewer(testDb(), s.a.admin.id))!;
    const scope = { companyId: s.a.company.id, clinicIds: viewer.clinicIds };
    const asAdmin = await callerFor(s.a.admin.id);
    let sum = 0;
    for (const status of ROSTER_STATUSES) {
      const listed = await asAdmin.outboundManagement.roster({ scriptId: fixture.scriptId, status, pageSize: 100 });
      const { stream, done } = await exportScriptRoster(testDb(), scope, viewer, { scriptId: fixture.scriptId, status }, LABELS, new Date());
      await buffer(stream);
      expect(await done, status).toBe(listed.total);
      sum += listed.total;
    }
    expect(sum).toBe(fixture.taskIds.length);
  });
  it("writes a patient name that looks like a formula as text, with a leading apostrophe (issue 23, CSV injection)", async () => {
    const db = testDb();
    const viewer = (await loadViewer(db, s.a.admin.id))!;
    const scope = { companyId: s.a.company.id, clinicIds: viewer.clinicIds };
    const task = await db.callTask.findFirstOrThrow({ where: { scriptId: fixture.scriptId }, include: { patient: true } });
    const formula = '=HYPERLINK("http://evil.test","点我")';
    await db.patient.update({ where: { id: task.patientId }, data: { name: formula } });
    try {
      const { stream, done } = await exportScriptRoster(db, scope, viewer, { scriptId: fixture.scriptId }, LABELS, new Date());
      const bytes = await buffer(stream);
      await done;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      const names = workbook.getWorksheet("客户名单")!.getColumn(1).values;
      expect(names).toContain(`'${formula}`);
      expect(names).not.toContain(formula);
    } finally {
      await db.patient.update({ where: { id: task.patientId }, data: { name: task.patient.name } });
    }
  });
});
