import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { scopeOf } from "@/server/domain/auth/scope";
import type { Viewer } from "@/server/domain/auth/permissions";
import { loadViewer } from "@/server/services/auth/load-viewer";
import { patientImportErrorReport } from "@/server/services/patients/import/get-patient-import";
import { runPatientImport } from "@/server/services/patients/import/run-patient-import";
import { startPatientImport } from "@/server/services/patients/import/start-patient-import";
import { uploadPatientImport } from "@/server/services/patients/import/upload-patient-import";
import { encodeGbk } from "../support/gbk";
import { MemoryStorage } from "../support/memory-storage";
import { seeded, testDb } from "./fixtures";

const storage = new MemoryStorage();
const NOW = new Date("2026-12-07T02:00:00Z");
let viewer: Viewer & { companyId: string };
let companyId: string;
let consultantName: string;
let existing: { id: string; mobile: string; name: string; tags: string[] };

beforeAll(async () => {
  const s = await seeded();
  companyId = s.a.company.id;
  viewer = (await loadViewer(testDb(), s.a.admin.id)) as Viewer & { companyId: string };
  consultantName = s.a.consultant.name;
  const p = await testDb().patient.findFirstOrThrow({ where: { companyId, mobile: { not: null } }, orderBy: { createdAt: "asc" } });
  existing = { id: p.id, mobile: p.mobile!, name: p.name, tags: p.tags };
});

async function importFile(fileName: string, bytes: Uint8Array, mapping: Record<string, string>, duplicateMode: "update" | "skip") {
  const db = testDb();
  const uploaded = await uploadPatientImport(db, storage, scopeOf(viewer), viewer, { fileName, bytes });
  await startPatientImport(db, storage, scopeOf(viewer), viewer, { jobId: uploaded.jobId, mapping, duplicateMode });
  const outcome = await runPatientImport(db, storage, uploaded.jobId, NOW);
  return { uploaded, outcome, job: await db.patientImportJob.findUniqueOrThrow({ where: { id: uploaded.jobId } }) };
}

const MAPPING = { name: "姓名", mobile: "手机号", gender: "性别", birthday: "出生日期", clinic: "所属诊所", consultant: "咨询师", tags: "标签", lastVisitAt: "最近到店" };

describe("导入患者", () => {
  it("imports a real .xlsx: good rows written, bad rows reported by row and column, an existing mobile updated", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("患者");
    sheet.addRow(["姓名", "手机号", "性别", "出生日期", "所属诊所", "咨询师", "标签", "最近到店"]);
    const good = [
      ["导入甲", 13911110001, "男", new Date(Date.UTC(1988, 4, 12)), "静安店", consultantName, "种植，高意向", new Date(Date.UTC(2026, 10, 3, 10, 30))],
      ["导入乙", "139-1111-0002", "女", "1992/3/4", "微笑口腔(徐汇店)", "", "", ""],
      ["导入丙", "+86 13911110003", "", "", "浦东店", "", "", "2026-11-20"],
      ["坏手机", "1391111000", "男", "", "静安店", "", "", ""], // row 5
      ["坏诊所", 13911110005, "男", "", "火星店", "查无此人", "", ""], // row 6
      ["重复", 13911110001, "男", "", "静安店", "", "", ""], // row 7: same mobile as row 2
      ["坏日期", 13911110007, "女", "1990-02-30", "静安店", "", "", "2027-01-01"], // row 8
      ["老患者新名", existing.mobile, "女", "", "静安店", "", "导入标签", ""],
    ];
    for (const row of good) sheet.addRow(row);
    sheet.getColumn(4).numFmt = "yyyy-mm-dd";
    sheet.getColumn(8).numFmt = "yyyy-mm-dd hh:mm";
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const { uploaded, outcome, job } = await importFile("患者.xlsx", bytes, MAPPING, "update");
    expect(uploaded.rows).toBe(8);
    expect(uploaded.mapping).toMatchObject({ name: "姓名", mobile: "手机号", lastVisitAt: "最近到店" });
    expect(uploaded.preview[0]!.slice(0, 4)).toEqual(["导入甲", "13911110001", "男", "1988-05-12"]);
    expect(outcome).toEqual({ status: "done", inserted: 3, updated: 1, skipped: 0, errorCount: 4 });
    expect(job.processed).toBe(8);

    const rows = await testDb().patient.findMany({ where: { companyId, mobile: { in: ["13911110001", "13911110002", "13911110003"] } }, include: { clinic: true, consultant: true, visits: true }, orderBy: { mobile: "asc" } });
    expect(rows.map((r) => [r.name, r.gender, r.birthday?.toISOString().slice(0, 10) ?? null, r.clinic.shortName])).toEqual([
      ["导入甲", "male", "1988-05-12", "静安店"],
      ["导入乙", "female", "1992-03-04", "徐汇店"],
      ["导入丙", "unknown", null, "浦东店"],
    ]);
    expect(rows[0]!.consultant?.name).toBe(consultantName);
    expect(rows[0]!.tags).toEqual(["种植", "高意向"]);
    expect(rows[0]!.visits.map((v) => v.visitedAt.toISOString())).toEqual(["2026-11-03T02:30:00.000Z"]); // 10:30 China time
    expect(rows[2]!.visits.map((v) => v.visitedAt.toISOString())).toEqual(["2026-11-19T16:00:00.000Z"]);
    expect(await testDb().patient.count({ where: { companyId, mobile: { in: ["13911110005", "13911110007"] } } })).toBe(0);
    const updated = await testDb().patient.findUniqueOrThrow({ where: { id: existing.id } });
    expect(updated.name).toBe("老患者新名");
    expect(updated.tags).toEqual([...new Set([...existing.tags, "导入标签"])].sort());

    const report = await patientImportErrorReport(testDb(), scopeOf(viewer), job.id);
    expect(report.fileName).toBe("患者-错误报告.csv");
    expect(report.csv.split("\r\n").filter(Boolean)).toEqual([
      "\uFEFF行号,列,原因",
      "5,手机号,手机号「1391111000」不是有效的中国大陆手机号",
      "6,所属诊所,诊所「火星店」不存在",
      "6,咨询师,员工「查无此人」不存在",
      "7,手机号,手机号与第 2 行重复",
      "8,出生日期,出生日期「1990-02-30」无法识别（如 1990-05-01）",
      "8,最近到店,最近到店 2027-01-01 晚于今天",
    ]);
    const company = await testDb().company.findUniqueOrThrow({ where: { id: companyId } });
    expect(company.patientImportMapping).toEqual(MAPPING);
  });

  it("reads a GBK CSV written by Excel, skips a mobile the company has, and offers the remembered mapping", async () => {
    const csv = ["患者姓名,联系电话,门诊,备注", `"钱, 多多",16612340001,静安店,老客户`, `${existing.name},${existing.mobile},静安店,`, `孙小美,16612340003,徐汇店,""`].join("\r\n");
    const db = testDb();
    await db.company.update({ where: { id: companyId }, data: { patientImportMapping: { name: "患者姓名", mobile: "联系电话", clinic: "门诊" } } });
    const before = await db.patient.findUniqueOrThrow({ where: { id: existing.id } });
    const { uploaded, outcome } = await importFile("his导出.csv", encodeGbk(csv), { name: "患者姓名", mobile: "联系电话", clinic: "门诊" }, "skip");
    expect(uploaded.headers).toEqual(["患者姓名", "联系电话", "门诊", "备注"]);
    expect(uploaded.mapping).toEqual({ name: "患者姓名", mobile: "联系电话", clinic: "门诊" });
    expect(outcome).toEqual({ status: "done", inserted: 2, updated: 0, skipped: 1, errorCount: 0 });
    expect((await db.patient.findFirstOrThrow({ where: { companyId, mobile: "16612340001" } })).name).toBe("钱, 多多");
    expect((await db.patient.findUniqueOrThrow({ where: { id: existing.id } })).updatedAt).toEqual(before.updatedAt);
  });

  it("refuses a mapping without 手机号 and a file of another kind", async () => {
    const db = testDb();
    const uploaded = await uploadPatientImport(db, storage, scopeOf(viewer), viewer, { fileName: "a.csv", bytes: new TextEncoder().encode("姓名,电话\n张三,13800000000\n") });
    await expect(startPatientImport(db, storage, scopeOf(viewer), viewer, { jobId: uploaded.jobId, mapping: { name: "姓名" }, duplicateMode: "skip" })).rejects.toThrow("请为「手机号」选择一列");
    await expect(uploadPatientImport(db, storage, scopeOf(viewer), viewer, { fileName: "a.xls", bytes: new Uint8Array([1]) })).rejects.toThrow("只支持");
    await expect(uploadPatientImport(db, storage, scopeOf(viewer), viewer, { fileName: "a.xlsx", bytes: new Uint8Array([1, 2, 3]) })).rejects.toThrow("文件无法读取");
  });

  it("leaves no rows when the run fails after a first chunk was written", async () => {
    const db = testDb();
    // A database error on the 2 500th row, after the first 2 000 rows were written inside the run's transaction.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION zw_fail_import() RETURNS trigger AS $$ BEGIN IF NEW.name = '触发失败' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER zw_fail_import BEFORE INSERT ON "Patient" FOR EACH ROW EXECUTE FUNCTION zw_fail_import()`);
    // Other files share the database and may hold numbers of this range: compare with the count before the run.
    const before = await db.patient.count({ where: { companyId, mobile: { startsWith: "1370000" } } });
    try {
      const lines = ["姓名,手机号,所属诊所"];
      for (let i = 0; i < 2_600; i++) lines.push(`${i === 2_500 ? "触发失败" : `批量${i}`},1370000${String(i).padStart(4, "0")},静安店`);
      const { outcome, job } = await importFile("big.csv", new TextEncoder().encode(lines.join("\n")), { name: "姓名", mobile: "手机号", clinic: "所属诊所" }, "skip");
      expect(outcome.status).toBe("failed");
      expect(job.status).toBe("failed");
      expect(job.error).toContain("没有写入任何患者");
      expect(await db.patient.count({ where: { companyId, mobile: { startsWith: "1370000" } } })).toBe(before);
      expect(await db.patient.count({ where: { companyId, name: { startsWith: "批量" } } })).toBe(0);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER zw_fail_import ON "Patient"`);
    }
  });
});
