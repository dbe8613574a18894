/**
 * 导入患者 bench: `npx tsx bench/import/run.ts [--rows=100000] [--kind=xlsx|csv]`.
 * A fresh database (BENCH_IMPORT_DATABASE_URL, default zw_bench_import on the local server) with one company of three
 * clinics, 20 staff and 10 000 existing patients. A file of `rows` patients is written (xlsx by ExcelJS's streaming
 * writer, or a GBK-free UTF-8 CSV), ~1 % bad rows and ~2 % mobiles the company already has (update mode). Prints the
 * upload pass (header, preview, row count), the import run (one transaction) and the peak RSS; the target is < 60 s.
 */
import { performance } from "node:perf_hooks";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { createPrismaClient } from "../../server/db/create-client";
import { newId } from "../../prisma/seed/ids";
import { freshDatabase, rng } from "../dialer/setup-bench-db";
import { describeLoad, machineLoad, writeResult } from "../results";
import { MemoryStorage } from "../../tests/support/memory-storage";
import { summarizeImportFile } from "../../server/services/patients/import/upload-patient-import";
import { runPatientImport } from "../../server/services/patients/import/run-patient-import";

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const rows = Number(arg("rows", "100000"));
const kind = arg("kind", "xlsx") as "xlsx" | "csv";
const url = process.env.BENCH_IMPORT_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/zw_bench_import";
const log = (line: string) => console.error(`· ${line}`);
const NOW = new Date("2026-12-07T02:00:00Z");
const EXISTING = 10_000;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

async function buildFile(clinics: string[], staff: string[]): Promise<Uint8Array> {
  const rand = rng(28);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const header = ["姓名", "手机号", "性别", "出生日期", "所属诊所", "咨询师", "网电咨询师", "标签", "最近到店"];
  const line = (i: number): (string | number)[] => {
    const r = rand();
    // ~2 % already in the company (mobiles 1390000xxxx of the seeded patients), ~1 % bad mobiles
    const mobile = r < 0.02 ? `139${String(Math.floor(rand() * EXISTING)).padStart(8, "0")}` : r < 0.03 ? `12${i}` : `15${String(i).padStart(9, "0")}`;
    return [`患者${i}`, mobile, pick(["男", "女", ""]), `19${50 + Math.floor(rand() * 50)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`, pick(clinics), pick(staff), pick(["", ...staff]), pick(["种植", "正畸，高意向", "", "洁牙"]), rand() < 0.5 ? `2026-0${1 + Math.floor(rand() * 9)}-2${Math.floor(rand() * 8)} 10:30` : ""];
  };
  if (kind === "csv") {
    const parts = [header.join(",")];
    for (let i = 0; i < rows; i++) parts.push(line(i).join(","));
    return new TextEncoder().encode(parts.join("\r\n"));
  }
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet("患者");
  sheet.addRow(header).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(line(i)).commit();
  sheet.commit();
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

async function main() {
  log(`fresh database ${new URL(url).pathname.slice(1)}…`);
  await freshDatabase(url);
  const db = createPrismaClient(url);
  const companyId = newId();
  await db.company.create({ data: { id: companyId, name: "导入压测口腔" } });
  const clinicNames = ["静安店", "徐汇店", "浦东店"];
  const clinicIds = clinicNames.map(() => newId());
  await db.clinic.createMany({ data: clinicIds.map((id, i) => ({ id, companyId, name: `导入压测(${clinicNames[i]})`, shortName: clinicNames[i]!, address: "上海市" })) });
  const staffNames = Array.from({ length: 20 }, (_, i) => `员工${i}`);
  await db.user.createMany({ data: staffNames.map((name) => ({ id: newId(), companyId, name, passwordHash: "x" })) });
  for (let i = 0; i < EXISTING; i += 5_000) {
    await db.patient.createMany({
      data: Array.from({ length: Math.min(5_000, EXISTING - i) }, (_, j) => ({ companyId, clinicId: clinicIds[(i + j) % 3]!, name: `老患者${i + j}`, mobile: `139${String(i + j).padStart(8, "0")}` })),
    });
  }
  log(`writing a ${rows}-row .${kind}…`);
  const bytes = await buildFile(clinicNames, staffNames);
  log(`file: ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB`);

  const storage = new MemoryStorage();
  const fileKey = `patient-imports/${companyId}/bench.${kind}`;
  await storage.put(fileKey, bytes, { contentType: "application/octet-stream" });
  const endLoad = machineLoad();
  peakRss = process.memoryUsage().rss;
  const rssBefore = peakRss;

  const t0 = performance.now();
  const summary = await summarizeImportFile(bytes, kind);
  const uploadMs = performance.now() - t0;
  const mapping = Object.fromEntries(["name", "mobile", "gender", "birthday", "clinic", "consultant", "onlineConsultant", "tags", "lastVisitAt"].map((f, i) => [f, summary.headers[i]]));
  const job = await db.patientImportJob.create({
    data: { companyId, fileKey, fileName: `bench.${kind}`, fileKind: kind, total: summary.rows, clinicIds, mapping, duplicateMode: "update", status: "queued" },
  });
  const t1 = performance.now();
  const outcome = await runPatientImport(db, storage, job.id, NOW);
  const importMs = performance.now() - t1;
  const load = endLoad();
  clearInterval(sampler);
  const patients = await db.patient.count({ where: { companyId } });
  const visits = await db.visit.count({ where: { companyId } });
  await db.$disconnect();

  const result = {
    rows,
    kind,
    fileMb: Math.round((bytes.byteLength / 1024 / 1024) * 10) / 10,
    uploadPassS: Math.round(uploadMs / 100) / 10,
    importRunS: Math.round(importMs / 100) / 10,
    totalS: Math.round((uploadMs + importMs) / 100) / 10,
    outcome,
    patientsAfter: patients,
    visitsAfter: visits,
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    rssBeforeMb: Math.round(rssBefore / 1024 / 1024),
    load,
  };
  console.log(`导入患者 ${rows} rows (.${kind}, ${result.fileMb} MB)`);
  console.log(`  upload pass (header, preview, count): ${result.uploadPassS} s`);
  console.log(`  import run (check + write, one transaction): ${result.importRunS} s`);
  console.log(`  total: ${result.totalS} s (target < 60 s)`);
  console.log(`  inserted ${outcome.inserted}, updated ${outcome.updated}, skipped ${outcome.skipped}, rows with errors ${outcome.errorCount}; patients now ${patients}, visits ${visits}`);
  console.log(`  peak RSS ${result.peakRssMb} MB (before the run ${result.rssBeforeMb} MB, file held in memory)`);
  console.log(`  ${describeLoad(load)}`);
  console.log(`  → ${writeResult("import", result)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
