/**
 * Statement bench (issue 29): `npx tsx bench/records/statements.ts [--runs=60] [--concurrency=4] [--explain] [--only=<case part>]`.
 * Runs the HTTP bench's requests (bench/http/run.ts: 话单记录 第1页 and 筛选, 汇总, 话术详情, 客户名单 pages 1, 2, 50) through
 * the services once per role (公司管理员, 诊所管理员) with Prisma's query log on, keeps every statement they send, then
 * replays each statement `--runs` times over `--concurrency` pg connections at once and prints its p50/p95 — the
 * database's share of each request, without the app (and with 话单记录's capped-total cache emptied: every request's
 * count is measured). `--explain` prints EXPLAIN (ANALYZE, BUFFERS) of each statement.
 * `--service` times the service calls themselves instead (serviceTimes). World: BENCH_DATABASE_URL (the records bench's 1 M-call world, bench/records/run.ts --seed-only).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../server/generated/prisma/client";
import { createPrismaClient } from "../../server/db/create-client";
import { scopeOf } from "../../server/domain/auth/scope";
import { loadViewer } from "../../server/services/auth/load-viewer";
import { listCallRecords } from "../../server/services/calls/records/list-call-records";
import { summarizeCallRecords } from "../../server/services/calls/records/summarize-call-records";
import { listScriptRoster } from "../../server/services/dialer/outbound/list-script-roster";
import { getManagedScript } from "../../server/services/dialer/outbound/get-managed-script";
import { cappedTotals } from "../../server/services/calls/records/capped-total-cache";
import { readWorld } from "../http/world";
import { percentile } from "./measure";
import { describeLoad, machineLoad } from "../results";

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const runs = Number(arg("runs", "60"));
const concurrency = Number(arg("concurrency", "4"));
const only = arg("only", "");
const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/zw_bench_records";
const day = (offset: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() - offset * 86_400_000));

type Logged = { query: string; params: unknown[] };

type Run = (viewer: NonNullable<Awaited<ReturnType<typeof loadViewer>>>) => Promise<unknown>;

/** The HTTP bench's requests (bench/http/run.ts), as service calls. */
function benchCases(db: PrismaClient, w: Awaited<ReturnType<typeof readWorld>>): [string, Run][] {
  const [big, small, third] = [w.scripts[0]!, w.scripts[7]!, w.scripts[3]!];
  const list = (input: Parameters<typeof listCallRecords>[3]): Run => (v) => listCallRecords(db, scopeOf({ ...v, companyId: v.companyId! }), v, input);
  return [
    ["话单 第1页", list({ page: 1, pageSize: 20 })],
    ["筛选 已接听", list({ page: 1, pageSize: 20, outcome: "answered" })],
    ["筛选 话术+意向", list({ page: 1, pageSize: 20, scriptId: small, intent: w.intents[0] })],
    ["筛选 近7天", list({ page: 1, pageSize: 20, from: day(6), to: day(0) })],
    ["筛选 咨询师+近30天", list({ page: 1, pageSize: 20, consultantId: w.consultants[0], from: day(29), to: day(0) })],
    ["筛选 话术+未接 第3页", list({ page: 3, pageSize: 20, scriptId: third, outcome: "noAnswer" })],
    ["汇总", (v) => summarizeCallRecords(db, scopeOf({ ...v, companyId: v.companyId! }), {})],
    ...[big, small, third].map((id, i): [string, Run] => [`话术详情 ${["big", "small", "third"][i]}`, (v) => getManagedScript(db, scopeOf({ ...v, companyId: v.companyId! }), id, new Date())]),
    ...[1, 2, 50].map((page): [string, Run] => [`客户名单 第${page}页`, (v) => listScriptRoster(db, scopeOf({ ...v, companyId: v.companyId! }), v, { scriptId: big, page })]),
  ];
}

async function main() {
  const w = await readWorld(url);
  const logged: Logged[] = [];
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
  db.$on("query", (e) => logged.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  const users = await db.user.findMany({ where: { email: { in: ["admin@a.demo", "clinic@a.demo"] } }, select: { id: true, email: true } });
  const roles: [string, string][] = [["公司管理员", "admin@a.demo"], ["诊所管理员", "clinic@a.demo"]];
  if (process.argv.includes("--service")) {
    await db.$disconnect();
    const app = createPrismaClient(url); // as the app's client: no query log, its pool
    return serviceTimes(app, roles, users, benchCases(app, w));
  }
  const cases = benchCases(db, w);
  const captured: { name: string; stmt: Logged }[] = [];
  for (const [role, email] of roles) {
    const viewer = (await loadViewer(db, users.find((u) => u.email === email)!.id))!;
    for (const [name, run] of cases.filter(([n]) => n.includes(only))) {
      await run(viewer); // warm the plan cache and the data
      cappedTotals.clear(); // the statement itself is measured, not whether a request sends it
      logged.length = 0;
      await run(viewer);
      logged.forEach((stmt, i) => captured.push({ name: `${name} · ${role} #${i + 1}`, stmt }));
    }
  }
  await db.$disconnect();

  const clients = await Promise.all(Array.from({ length: concurrency }, async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    return c;
  }));
  const load = machineLoad();
  const rows: { name: string; p50: number; p95: number; rows: number; sql: string }[] = [];
  for (const { name, stmt } of captured) {
    if (process.argv.includes("--explain")) {
      const plan = await clients[0]!.query(`EXPLAIN (ANALYZE, BUFFERS) ${stmt.query}`, stmt.params);
      console.log(`\n### ${name}\n${stmt.query.slice(0, 600)}\n${JSON.stringify(stmt.params).slice(0, 300)}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
    const times: number[] = [];
    let rowCount = 0;
    let left = runs;
    await Promise.all(clients.map(async (c) => {
      while (left-- > 0) {
        const t0 = performance.now();
        rowCount = (await c.query(stmt.query, stmt.params)).rowCount ?? 0;
        times.push(performance.now() - t0);
      }
    }));
    times.sort((a, b) => a - b);
    const r1 = (n: number) => Math.round(n * 10) / 10;
    rows.push({ name, p50: r1(percentile(times, 50)), p95: r1(percentile(times, 95)), rows: rowCount, sql: stmt.query.replace(/\s+/g, " ").slice(0, 90) });
  }
  await Promise.all(clients.map((c) => c.end()));
  console.log(`\nStatements of the HTTP bench's requests, each ${runs}× over ${concurrency} connections at once; world ${url.split("/").pop()}\n`);
  console.log("| statement | p50 (ms) | p95 (ms) | rows | SQL |\n|---|---:|---:|---:|---|");
  for (const r of rows) console.log(`| ${r.name} | ${r.p50} | **${r.p95}** | ${r.rows} | \`${r.sql.replace(/\|/g, "\\|")}\` |`);
  console.log(`\n${describeLoad(load())}`);
}

/**
 * `--service`: each case's whole service call (all its statements, Prisma's runtime, the process's caches as a running
 * server has them) `--runs` times over `--concurrency` callers at once, per role: the request minus HTTP and tRPC.
 */
async function serviceTimes(db: PrismaClient, roles: [string, string][], users: { id: string; email: string | null }[], cases: [string, Run][]) {
  const load = machineLoad();
  console.log(`\nService calls of the HTTP bench's requests, each ${runs}× over ${concurrency} callers at once; world ${url.split("/").pop()}\n`);
  console.log("| case | role | p50 (ms) | p95 (ms) |\n|---|---|---:|---:|");
  for (const [role, email] of roles) {
    const viewer = (await loadViewer(db, users.find((u) => u.email === email)!.id))!;
    for (const [name, run] of cases.filter(([n]) => n.includes(only))) {
      await run(viewer);
      const times: number[] = [];
      let left = runs;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (left-- > 0) {
          const t0 = performance.now();
          await run(viewer);
          times.push(performance.now() - t0);
        }
      }));
      times.sort((a, b) => a - b);
      console.log(`| ${name} | ${role} | ${Math.round(percentile(times, 50) * 10) / 10} | **${Math.round(percentile(times, 95) * 10) / 10}** |`);
    }
  }
  console.log(`\n${describeLoad(load())}`);
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
