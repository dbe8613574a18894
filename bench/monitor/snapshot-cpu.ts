/**
 * Database CPU of one 实时监控 snapshot (issue 27), measured where the monitor bench left its world:
 * `npx tsx bench/monitor/snapshot-cpu.ts [--runs=300]` after `bench/monitor/run.ts` (same BENCH_MONITOR_DATABASE_URL).
 * Runs each variant `runs` times on one connection and prints the backend's CPU time (/proc, user + system; 10 ms ticks,
 * so use a few hundred runs) per run: `read` — the snapshot reading its slow-moving settings too (a live view's first or
 * idle snapshot), `kept` — with the settings kept from before (a live view's snapshot at a dial), then the statements
 * of `kept` apart. The clock is the bench's simulated 10:05 (Asia/Shanghai), inside its campaign.
 */
import { readFileSync } from "node:fs";
import pg from "pg";
import { createPrismaClient } from "../../server/db/create-client";
import { loadDialerLoad } from "../../server/services/dialer/load-dialer-load";
import { getMonitorSnapshot, loadMonitorSettings } from "../../server/services/dialer/monitor/get-monitor-snapshot";
import { getCallBalance } from "../../server/services/scripts/get-call-balance";

const url = process.env.BENCH_MONITOR_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/zw_bench_monitor";
const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? "300");
const APP = "zw_bench_snapshot_cpu";

async function backendCpuMs(stats: pg.Client) {
  const { rows } = await stats.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = $1", [APP]);
  let ms = 0;
  for (const { pid } of rows) {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    ms += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  }
  return ms;
}

async function main() {
  const pageUrl = new URL(url);
  pageUrl.searchParams.set("application_name", APP);
  pageUrl.searchParams.set("connection_limit", "1");
  const db = createPrismaClient(pageUrl.toString());
  const stats = new pg.Client({ connectionString: url });
  await stats.connect();
  const company = await db.company.findFirstOrThrow({ select: { id: true } });
  const clinics = await db.clinic.findMany({ where: { companyId: company.id }, select: { id: true } });
  const scope = { companyId: company.id, clinicIds: clinics.map((c) => c.id) };
  const now = new Date("2026-03-02T02:05:00Z");
  const settings = await db.$transaction((tx) => loadMonitorSettings(tx, scope, {}));
  const tx = { isolationLevel: "RepeatableRead" as const };
  const variants: [string, () => Promise<unknown>][] = [
    ["read", () => db.$transaction((t) => getMonitorSnapshot(t, scope, {}, now), tx)],
    ["kept", () => db.$transaction((t) => getMonitorSnapshot(t, scope, {}, now, settings), tx)],
    ["  empty transaction", () => db.$transaction(async () => 1, tx)],
    ["  balance", () => getCallBalance(db, company.id)],
    ["  loadDialerLoad", () => loadDialerLoad(db, company.id, now)],
  ];
  for (const [name, fn] of variants) {
    for (let i = 0; i < 20; i++) await fn();
    const c0 = await backendCpuMs(stats);
    for (let i = 0; i < runs; i++) await fn();
    console.log(`${name.padEnd(20)} ${((await backendCpuMs(stats)) - c0) / runs} ms database CPU per run`);
  }
  await stats.end();
  await db.$disconnect();
}

void main();
