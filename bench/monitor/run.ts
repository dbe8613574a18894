/**
 * Monitor bench (issue 27): `npx tsx bench/monitor/run.ts [--streams=200] [--seconds=60] [--patients=5000] [--speed=10]
 * [--no-analyze]`.
 * A fresh database (BENCH_MONITOR_DATABASE_URL, default zw_bench_monitor on the local server) with the dialer bench's
 * company (50 seats) and a campaign: one task per patient, dialed by the real tick / placement / result services on the
 * simulator carrier, the simulated clock running `speed` times real time from 10:00. The campaign runs `seconds` without
 * monitor pages, then `seconds` with `streams` open monitor streams (streamMonitorSnapshots, as monitor.live serves
 * them, all in this process: one LISTEN connection, one pool) — in one run, so both phases see the same database.
 * Prints, per phase, transactions committed per second (pg_stat_database.xact_commit) and statements per second
 * (pg_stat_statements, when installed), the CPU time of the database's backends serving this database (/proc, user +
 * system), the extra load of the pages as ratios — phase B against phase A, and within phase B the pages' own
 * connections (application_name) against the campaign's: statements sent (counted on the client) and backend CPU — the snapshots computed per second (distinct ones, however many
 * streams received each), and the update latency: from a dialer commit to the first snapshot computed after it
 * reaching each stream (p50 / p95). No timed assertions.
 */
import { setMaxListeners } from "node:events";
import { readFileSync } from "node:fs";
import pg from "pg";
import { dialerActivityListener } from "../../server/db/dialer-activity";
import { createPrismaClient } from "../../server/db/create-client";
import { zonedTimeToInstant } from "../../server/domain/time/local-day";
import { applyAttemptResults } from "../../server/services/dialer/apply-attempt-result";
import { streamMonitorSnapshots } from "../../server/services/dialer/monitor/stream-monitor-snapshots";
import { insertCallTasks, loadScriptForTasks } from "../../server/services/dialer/plan-call-tasks";
import { placeClaimedCall } from "../../server/services/dialer/place-claimed-call";
import { runDialerTick } from "../../server/services/dialer/run-dialer-tick";
import { BenchCarrier } from "../dialer/sim-carrier";
import { setupWorld } from "../dialer/setup-bench-db";

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const streams = Number(arg("streams", "200"));
const seconds = Number(arg("seconds", "60"));
const patientCount = Number(arg("patients", "5000"));
const speed = Number(arg("speed", "10"));
const url = process.env.BENCH_MONITOR_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/zw_bench_monitor";
const log = (line: string) => console.error(`· ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** The monitor pages' connections carry this application_name: their statements and backends are told apart. */
const PAGES_APP = "zw_bench_monitor_pages";
/** Statements sent by this process, counted on the client (every pg.Client query: Prisma's pools, the pages' own). */
const sent = { pages: 0, campaign: 0 };
let statsClient: pg.Client | null = null;
// eslint-disable-next-line @typescript-eslint/unbound-method -- re-applied to each client below, with its own `this`
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client & { connectionParameters?: { application_name?: string } }, ...args: unknown[]) {
  if (this !== statsClient) {
    if (this.connectionParameters?.application_name === PAGES_APP) sent.pages++;
    else sent.campaign++;
  }
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const CLOCK_TICKS = 100;
/** CPU time (ms) so far of each backend connected to the bench database (the stats connection excluded). */
async function backendCpu(stats: pg.Client, name: string): Promise<Map<number, { ms: number; pages: boolean }>> {
  const { rows } = await stats.query<{ pid: number; app: string }>(
    "SELECT pid, application_name AS app FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
    [name],
  );
  const out = new Map<number, { ms: number; pages: boolean }>();
  for (const { pid, app } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      out.set(pid, { ms: ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS, pages: app === PAGES_APP });
    } catch {}
  }
  return out;
}

async function counters(stats: pg.Client) {
  const name = new URL(url).pathname.slice(1);
  const cpu = await backendCpu(stats, name);
  const { rows } = await stats.query<{ x: string }>("SELECT xact_commit::text AS x FROM pg_stat_database WHERE datname = $1", [name]);
  let statements: number | null = null;
  try {
    const r = await stats.query<{ n: string }>("SELECT coalesce(sum(calls), 0)::text AS n FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = $1", [name]);
    statements = Number(r.rows[0]!.n);
  } catch {
    statements = null;
  }
  return { at: Date.now(), commits: Number(rows[0]!.x), statements, cpu, sent: { ...sent } };
}

async function main() {
  log(`preparing a fresh database with ${patientCount} patients…`);
  const world = await setupWorld(url, patientCount);
  const { db, companyId } = world;
  await db.company.update({ where: { id: companyId }, data: { seatLimit: 50, seatsPerScript: 10, dialsPerMinuteScript: 60 } });
  const realStart = Date.now();
  const simStart = zonedTimeToInstant({ year: 2026, month: 3, day: 2, hour: 10 }, "Asia/Shanghai");
  const clock = () => new Date(simStart.getTime() + (Date.now() - realStart) * speed);
  // The campaign: every patient once, on the first 5 scripts.
  const scripts = world.scripts.slice(0, 5);
  for (const [i, s] of scripts.entries()) {
    const mine = world.patients.filter((_, j) => j % scripts.length === i);
    await db.$transaction(async (tx) => {
      const script = (await loadScriptForTasks(tx, companyId, s.id))!;
      await insertCallTasks(tx, { companyId, script, seeds: mine.map((p) => ({ patientId: p.id })), source: "batch", now: clock() });
    }, { timeout: 120_000 });
  }

  // A database in service has planner statistics (autovacuum); this one is a minute old and has none, so without this
  // every statement — the campaign's and the pages' — is planned for three-row tables. `--no-analyze`: as before.
  if (!process.argv.includes("--no-analyze")) await db.$executeRawUnsafe("ANALYZE");

  const carrier = new BenchCarrier(clock, "mon");
  const commits: number[] = [];
  let running = true;
  let dials = 0;
  const campaign = (async () => {
    while (running) {
      const now = clock();
      // Each write below commits (and notifies) on its own: each is a change the pages must show. The results that came
      // due commit together, as the call-ended job applies a batch (batchEvents).
      const due = carrier.takeDue(now);
      if (due.length) {
        await applyAttemptResults(db, due, now);
        commits.push(Date.now());
      }
      const tick = await runDialerTick(db, { now, workerId: "bench" });
      if (tick.claimed.length) commits.push(Date.now());
      for (const claim of tick.claimed) {
        await placeClaimedCall(db, carrier, claim, now);
        commits.push(Date.now());
        dials++;
      }
      await sleep(250);
    }
  })();

  const stats = new pg.Client({ connectionString: url });
  statsClient = stats;
  await stats.connect();
  await stats.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").catch(() => undefined);
  log("warming up 10 s…");
  await sleep(10_000);

  log(`phase A: ${seconds} s without monitor pages…`);
  const a0 = await counters(stats);
  const dialsA0 = dials;
  await sleep(seconds * 1000);
  const a1 = await counters(stats);
  const dialsA = dials - dialsA0;

  log(`phase B: ${seconds} s with ${streams} monitor streams…`);
  const pageUrl = new URL(url);
  pageUrl.searchParams.set("application_name", PAGES_APP);
  const pageDb = createPrismaClient(pageUrl.toString());
  const listener = dialerActivityListener(url);
  const abort = new AbortController();
  setMaxListeners(Infinity, abort.signal);
  const scope = { companyId, clinicIds: world.clinics.map((c) => c.id) };
  const seen: { start: number; recv: number }[][] = [];
  const consumers = Array.from({ length: streams }, async (_, i) => {
    const mine: { start: number; recv: number }[] = (seen[i] = []);
    const stream = streamMonitorSnapshots(pageDb, scope, {}, { activity: listener ? (fn) => listener.subscribe(fn) : null, signal: abort.signal, clock });
    // When the snapshot was computed, in real time (its `at` is the simulated clock's).
    for await (const snapshot of stream) mine.push({ start: realStart + (snapshot.at.getTime() - simStart.getTime()) / speed, recv: Date.now() });
  });
  // Let every stream take its first snapshot (and the LISTEN connection open) before counting.
  await sleep(5_000);
  const b0 = await counters(stats);
  const dialsB0 = dials;
  const commitsFrom = commits.length;
  await sleep(seconds * 1000);
  const b1 = await counters(stats);
  const dialsB = dials - dialsB0;
  const bEnd = Date.now();
  running = false;
  abort.abort();
  await Promise.all([campaign, ...consumers]);

  // Latency: for each dialer commit of phase B (up to 300 of them), each stream's first snapshot computed after it.
  const phaseCommits = commits.slice(commitsFrom).filter((c) => c < bEnd - 3_000);
  const sample = phaseCommits.filter((_, i) => i % Math.max(1, Math.ceil(phaseCommits.length / 300)) === 0);
  const latencies: number[] = [];
  for (const c of sample) {
    for (const s of seen) {
      const first = s.find((x) => x.start >= c);
      if (first) latencies.push(first.recv - c);
    }
  }
  const rate = (x0: number, x1: number, t0: number, t1: number) => (x1 - x0) / ((t1 - t0) / 1000);
  const commitsA = rate(a0.commits, a1.commits, a0.at, a1.at);
  const commitsB = rate(b0.commits, b1.commits, b0.at, b1.at);
  const statementsA = a0.statements !== null && a1.statements !== null ? rate(a0.statements, a1.statements, a0.at, a1.at) : null;
  const statementsB = b0.statements !== null && b1.statements !== null ? rate(b0.statements, b1.statements, b0.at, b1.at) : null;
  const snapshots = seen.reduce((n, s) => n + s.filter((x) => x.recv >= b0.at && x.recv <= b1.at).length, 0);
  const computed = new Set(seen.flatMap((s) => s.filter((x) => x.recv >= b0.at && x.recv <= b1.at).map((x) => x.start))).size;
  // Backend CPU over a phase: each backend's growth (one that connected during the phase counts from zero).
  type Cpu = Map<number, { ms: number; pages: boolean }>;
  const cpuRate = (c0: Cpu, c1: Cpu, t0: number, t1: number, which: (pages: boolean) => boolean = () => true) =>
    [...c1].filter(([, c]) => which(c.pages)).reduce((n, [pid, c]) => n + c.ms - (c0.get(pid)?.ms ?? 0), 0) / ((t1 - t0) / 1000);
  const cpuA = cpuRate(a0.cpu, a1.cpu, a0.at, a1.at);
  const cpuB = cpuRate(b0.cpu, b1.cpu, b0.at, b1.at);
  // Phase B split by connection: the pages' backends and statements against everything else (the campaign).
  const cpuPagesB = cpuRate(b0.cpu, b1.cpu, b0.at, b1.at, (pages) => pages);
  const cpuCampaignB = cpuRate(b0.cpu, b1.cpu, b0.at, b1.at, (pages) => !pages);
  const sentRate = (k: "pages" | "campaign") => (b1.sent[k] - b0.sent[k]) / ((b1.at - b0.at) / 1000);
  const sentPagesB = sentRate("pages");
  const sentCampaignB = sentRate("campaign");
  const row = {
    streams,
    "phase s": seconds,
    "speed x": speed,
    "dials A / B": `${dialsA} / ${dialsB}`,
    "commits/s without": Number(commitsA.toFixed(1)),
    "commits/s with": Number(commitsB.toFixed(1)),
    "extra load (commits)": `${(((commitsB - commitsA) / commitsA) * 100).toFixed(1)} %`,
    "statements/s without": statementsA === null ? "n/a" : Number(statementsA.toFixed(1)),
    "statements/s with": statementsB === null ? "n/a" : Number(statementsB.toFixed(1)),
    "extra load (statements)": statementsA && statementsB !== null ? `${(((statementsB - statementsA) / statementsA) * 100).toFixed(1)} %` : "n/a",
    "db CPU ms/s without": Number(cpuA.toFixed(1)),
    "db CPU ms/s with": Number(cpuB.toFixed(1)),
    "extra load (db CPU)": `${(((cpuB - cpuA) / cpuA) * 100).toFixed(1)} %`,
    "phase B: pages' statements/s / campaign's": `${sentPagesB.toFixed(1)} / ${sentCampaignB.toFixed(1)}`,
    "phase B: pages' share (statements)": `${((sentPagesB / sentCampaignB) * 100).toFixed(1)} %`,
    "phase B: pages' db CPU ms/s / campaign's": `${cpuPagesB.toFixed(1)} / ${cpuCampaignB.toFixed(1)}`,
    "phase B: pages' share (db CPU)": `${((cpuPagesB / cpuCampaignB) * 100).toFixed(1)} %`,
    "commits per dial without / with": `${((commitsA * seconds) / Math.max(1, dialsA)).toFixed(1)} / ${((commitsB * seconds) / Math.max(1, dialsB)).toFixed(1)}`,
    "snapshots computed/s": Number((computed / seconds).toFixed(2)),
    "snapshots received/s": Number((snapshots / seconds).toFixed(1)),
    "update p50 ms": Math.round(pct(latencies, 50)),
    "update p95 ms": Math.round(pct(latencies, 95)),
    "latency samples": latencies.length,
  };
  console.table([row]);
  console.log(JSON.stringify(row));
  await stats.end();
  await pageDb.$disconnect();
  await db.$disconnect();
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
