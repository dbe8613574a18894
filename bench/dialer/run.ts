/**
 * Dialer bench: `npx tsx bench/dialer/run.ts [--tasks=100000] [--days=3] [--workers=1,2]`.
 * For each worker count, in a child process of its own (so peak RSS is that run's): a fresh database
 * (BENCH_DIALER_DATABASE_URL, default zw_bench_dialer on the local server) with one company, 3 clinics, 20 scripts and
 * 60k patients; 100k call tasks arrive over 3 simulated days (40 % as one campaign before the first 09:00, the rest
 * hourly, day and night); the hopper ticks every simulated minute, with 0.5 % of claims lost to a worker crash before
 * dialing and 0.2 % after the carrier accepted. Prints decisions per second, claim latency, peak RSS and the rule
 * violations an independent check finds over every placed call — all of which must be 0.
 */
import { spawnSync } from "node:child_process";
import { checkViolations } from "./check-violations";
import { setupWorld } from "./setup-bench-db";
import { simulate } from "./simulate";
import { describeLoad, machineLoad, writeResult } from "../results";
import { zonedTimeToInstant } from "../../server/domain/time/local-day";

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const tasks = Number(arg("tasks", "100000"));
const days = Number(arg("days", "3"));
const url = process.env.BENCH_DIALER_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/zw_bench_dialer";
const log = (line: string) => console.error(`· ${line}`);
const VIOLATIONS = ["seats", "throttle", "window", "caps", "interception", "dnc", "redial", "double dial"] as const;

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** One run, in this process; prints its row as JSON on stdout. */
async function runOne(workers: number) {
  log(`${workers} worker(s): preparing a fresh database…`);
  const world = await setupWorld(url, Math.round(tasks * 0.6));
  const start = zonedTimeToInstant({ year: 2026, month: 3, day: 2, hour: 7 }, "Asia/Shanghai");
  log(`simulating ${tasks} tasks over ${days} days…`);
  const s = await simulate(world, { url, workers, tasks, days, start, crashBeforeDial: 0.005, crashAfterAccept: 0.002, log });
  const v = await checkViolations(world, s.dialsPerRef, { dialsPerMinuteScript: 60 });
  const statuses = await world.db.callTask.groupBy({ by: ["status"], _count: true, where: { companyId: world.companyId } });
  log(`task statuses: ${statuses.map((x) => `${x.status}=${x._count}`).join(" ")}`);
  await world.db.$disconnect();
  const row = {
    workers,
    tasks: s.created,
    "calls placed": v.calls,
    "decisions/s": Math.round(s.decided / (s.claimWallMs / 1000)),
    "claim p50 ms": Number(pct(s.claimMs, 50).toFixed(1)),
    "claim p99 ms": Number(pct(s.claimMs, 99).toFixed(1)),
    "RSS at start MB": Math.round(s.startRssMb),
    "peak RSS MB": Math.round(s.peakRssMb),
    "peak heap MB": Math.round(s.peakHeapMb),
    "max seats script/company": `${s.maxScriptSeats}/${s.maxCompanySeats}`,
    "crashes before/after accept": `${s.crashedBeforeDial}/${s.crashedAfterAccept}`,
    seats: s.seatViolations,
    throttle: v.throttle,
    window: v.window,
    caps: v.caps,
    interception: v.interception,
    dnc: v.dnc,
    redial: v.redial,
    "double dial": v.doubleDial,
    "wall s": Math.round(s.wallSeconds),
  };
  console.log(JSON.stringify(row));
}

async function main() {
  const child = arg("child", "");
  if (child) return runOne(Number(child));
  const load = machineLoad();
  const rows: Record<string, string | number>[] = [];
  for (const workers of arg("workers", "1,2").split(",").map(Number)) {
    const out = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, `--child=${workers}`, `--tasks=${tasks}`, `--days=${days}`], {
      stdio: ["ignore", "pipe", "inherit"],
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    if (out.status !== 0) throw new Error(`run with ${workers} worker(s) failed`);
    rows.push(JSON.parse(out.stdout.trim().split("\n").pop()!));
  }
  console.table(rows.map(({ seats, throttle, window, caps, interception, dnc, redial, "double dial": dd, ...r }) => r));
  console.table(rows.map((r) => ({ workers: r.workers, ...Object.fromEntries(VIOLATIONS.map((k) => [k, r[k]])) })));
  const total = rows.reduce((n, r) => n + VIOLATIONS.reduce((m, k) => m + Number(r[k]), 0), 0);
  console.log(`violations: ${total}`);
  const machine = load();
  console.log(describeLoad(machine));
  console.log(`JSON: ${writeResult("dialer", { tasks, days, runs: rows, violations: total, machine })}`);
  if (total !== 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
