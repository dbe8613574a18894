/**
 * Records bench: `npx tsx bench/records/run.ts [--reseed] [--explain | --explain-only] [--compare-in-memory] [--runs=30]`.
 * Seeds (once) a database with 1M calls — one company, 3 clinics, 20 scripts, 90 days — then prints p50/p95 of the
 * 话单记录 list for each filter combination, the script metrics (执行数据/通话数据), the 客户名单 page, and a streamed
 * 100k-row 客户名单 .xlsx export (time and peak RSS, in a child process). Target: BENCH_DATABASE_URL, default a local
 * database zw_bench_records (created when missing).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "../../server/db/create-client";
import { migrateDeploy } from "../../prisma/engine/migrate-deploy";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { loadViewer } from "../../server/services/auth/load-viewer";
import { listCallRecords, type ListCallRecordsInput } from "../../server/services/calls/records/list-call-records";
import { listCallRecordIntents } from "../../server/services/calls/records/list-call-record-intents";
import { getCallMetrics, getExecutionStats } from "../../server/services/metrics/get-call-metrics";
import { listScriptRoster } from "../../server/services/dialer/outbound/list-script-roster";
import { recountCallTotals } from "../../server/services/metrics/recount-call-totals";
import { seedBenchRecords } from "./seed-records";
import { table, timeCase, type CaseResult } from "./measure";
import { explainQueries } from "./explain";
import { describeLoad, machineLoad, writeResult } from "../results";

const args = new Set(process.argv.slice(2));
const runs = Number([...args].find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 30);
const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/zw_bench_records";
const log = (line: string) => console.error(`· ${line}`);

async function ensureDatabase(reseed: boolean) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  try {
    const exists = (await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount;
    if (exists && reseed) await admin.query(`drop database "${name}" with (force)`);
    if (!exists || reseed) await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  await migrateDeploy(url, { quiet: true });
}

async function main() {
  await ensureDatabase(args.has("--reseed"));
  const db = createPrismaClient(url);
  const now = new Date();
  const demo = await seedDemo(db, now);
  const company = await db.company.findUniqueOrThrow({ where: { id: demo.companyId }, include: { clinics: { orderBy: { createdAt: "asc" } } } });
  const staff = await db.user.findMany({ where: { companyId: company.id }, include: { role: true } });
  const admin = staff.find((u) => u.role?.key === "companyAdmin")!;
  const clinicAdmin = staff.find((u) => u.role?.key === "clinicAdmin")!;
  if ((await db.call.count({ where: { companyId: company.id } })) < 1_000_000) {
    const t0 = performance.now();
    const seeded = await seedBenchRecords(url, {
      companyId: company.id,
      clinicIds: company.clinics.map((c) => c.id),
      consultantIds: staff.filter((u) => u.role?.key === "consultant").map((u) => u.id),
      onlineConsultantIds: staff.filter((u) => u.role?.key === "onlineConsultant").map((u) => u.id),
      adminId: admin.id,
      now,
      calls: 1_000_000,
      scripts: 20,
      days: 90,
      patients: 60_000,
      firstScriptShare: 0.145,
      log,
    });
    log(`seeded ${JSON.stringify(seeded)} in ${Math.round((performance.now() - t0) / 1000)} s`);
  }
  // The world's rows were written directly: the running totals the metrics read are rebuilt from them (also for a world
  // seeded before the totals existed).
  if (args.has("--recount") || (await db.callDailyTotal.count({ where: { companyId: company.id } })) === 0) {
    const t0 = performance.now();
    await recountCallTotals(db, company.id);
    log(`recounted call totals in ${Math.round(performance.now() - t0)} ms`);
  }
  // Fresh bulk writes: plan with current statistics, as autovacuum's analyze would give a running system.
  await db.$executeRaw`ANALYZE "CallDailyTotal", "AnsweredPatient", "ScriptAnsweredPatient", "Call", "CallTask"`;
  if (args.has("--seed-only")) return db.$disconnect();

  const scripts = await db.script.findMany({ where: { companyId: company.id, name: { startsWith: "压测话术" } }, orderBy: { name: "asc" } });
  const big = scripts[0]!;
  const small = scripts[7]!;
  const consultant = staff.find((u) => u.role?.key === "consultant")!;
  const online = staff.find((u) => u.role?.key === "onlineConsultant")!;
  const day = (offset: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(now.getTime() - offset * 86_400_000));
  const [adminViewer, clinicViewer] = [(await loadViewer(db, admin.id))!, (await loadViewer(db, clinicAdmin.id))!];
  const scopeOf = (v: typeof adminViewer) => ({ companyId: v.companyId!, clinicIds: v.clinicIds });
  const counts = {
    calls: await db.call.count({ where: { companyId: company.id } }),
    tasks: await db.callTask.count({ where: { companyId: company.id } }),
    bigTasks: await db.callTask.count({ where: { scriptId: big.id } }),
  };
  log(`data: ${JSON.stringify(counts)}`);

  const listCases: [string, ListCallRecordsInput, typeof adminViewer][] = [
    ["全部（无筛选）", {}, adminViewer],
    ["关联外呼话术", { scriptId: small.id }, adminViewer],
    ["话术 + 客户意向", { scriptId: small.id, intent: "interested" }, adminViewer],
    ["通话状态=已接听", { outcome: "answered" }, adminViewer],
    ["归属咨询师", { consultantId: consultant.id }, adminViewer],
    ["归属网电咨询师", { onlineConsultantId: online.id }, adminViewer],
    ["日期近7天", { from: day(6), to: day(0) }, adminViewer],
    ["话术 + 状态 + 近7天", { scriptId: small.id, outcome: "noAnswer", from: day(6), to: day(0) }, adminViewer],
    ["咨询师 + 近30天", { consultantId: consultant.id, from: day(29), to: day(0) }, adminViewer],
    ["话术 + 意向 + 咨询师 + 近30天", { scriptId: small.id, intent: "interested", consultantId: consultant.id, from: day(29), to: day(0) }, adminViewer],
    ["网电咨询师 + 已接听 + 单日", { onlineConsultantId: online.id, outcome: "answered", from: day(3), to: day(3) }, adminViewer],
    ["诊所管理员（1 家门店）", {}, clinicViewer],
    ["第 200 页（无筛选）", { page: 200 }, adminViewer],
  ];

  if (args.has("--explain") || args.has("--explain-only")) {
    await explainQueries(url, [
      ...listCases.map(([name, input, viewer]): [string, (d: typeof db) => Promise<unknown>] => [name, (d) => listCallRecords(d, scopeOf(viewer), viewer, input)]),
      ["客户名单第 1 页", (d) => listScriptRoster(d, scopeOf(adminViewer), adminViewer, { scriptId: big.id })],
    ]);
    if (args.has("--explain-only")) return db.$disconnect();
  }

  const load = machineLoad();
  const results: CaseResult[] = [];
  for (const [name, input, viewer] of listCases) {
    results.push(await timeCase(`话单列表 · ${name}`, () => listCallRecords(db, scopeOf(viewer), viewer, { pageSize: 20, ...input }), { runs, note: (r) => `共 ${(r as { total: number }).total} 条` }));
    log(results[results.length - 1]!.name);
  }
  results.push(await timeCase("客户意向选项（一个话术）", () => listCallRecordIntents(db, scopeOf(adminViewer), small.id), { runs }));
  results.push(await timeCase("话术详情指标（一个话术）", () => getCallMetrics(db, scopeOf(adminViewer), { scriptIds: [small.id] }), { runs }));
  results.push(await timeCase("话术详情指标（最大话术）", () => getCallMetrics(db, scopeOf(adminViewer), { scriptIds: [big.id] }), { runs }));
  results.push(await timeCase("外呼管理列表执行数据（10 个话术一页）", () => getExecutionStats(db, scopeOf(adminViewer), scripts.slice(0, 10).map((s) => s.id)), { runs }));
  results.push(await timeCase("话单记录汇总（全部话术）", () => getCallMetrics(db, scopeOf(adminViewer)), { runs }));
  results.push(await timeCase("客户名单第 1 页（最大话术）", () => listScriptRoster(db, scopeOf(adminViewer), adminViewer, { scriptId: big.id }), { runs }));
  await db.$disconnect();

  const dir = mkdtempSync(path.join(tmpdir(), "bench-records-"));
  const exports = [];
  for (const mode of args.has("--compare-in-memory") ? ["stream", "memory"] : ["stream"]) {
    const file = path.join(dir, `${mode}.xlsx`);
    const out = execFileSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "export-child.ts"), url, admin.id, big.id, file, mode], { encoding: "utf8" });
    exports.push({ ...JSON.parse(out.trim().split("\n").pop()!), sizeMb: Math.round(statSync(file).size / 1024 / 102.4) / 10 });
  }
  rmSync(dir, { recursive: true, force: true });

  console.log(`\n数据量：${counts.calls} 通话，${counts.tasks} 外呼任务，最大话术 ${counts.bigTasks} 个客户；PostgreSQL ${await pgVersion()}\n`);
  console.log(table(results));
  console.log("\n| 导出 | 行数 | 耗时 (ms) | 峰值 RSS (MB) | 起始 RSS (MB) | 文件 (MB) |\n|---|---:|---:|---:|---:|---:|");
  for (const e of exports) console.log(`| ${e.mode === "stream" ? "流式 WorkbookWriter" : "整本内存 Workbook（对照）"} | ${e.rows} | ${e.ms} | ${e.maxRssMb} | ${e.rssBeforeMb} | ${e.sizeMb} |`);
  const machine = load();
  console.log(`\n${describeLoad(machine)}`);
  console.log(`JSON: ${writeResult("records", { counts, cases: results, exports, machine })}`);
}

async function pgVersion() {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const v = (await c.query("show server_version")).rows[0].server_version;
  await c.end();
  return v;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
