/**
 * Platform-scale dialer bench: `npx tsx bench/dialer/platform.ts [--companies=50] [--tasks=800] [--seconds=90] [--workers=2]`.
 * One fresh database (BENCH_PLATFORM_DATABASE_URL, default zw_bench_platform; dropped at the end) with `companies`
 * companies, each with the product's limits (1000 seats, 50 per script, 60 dials a minute per script), one opened
 * clinic, 20 scripts of its own and `tasks` patients with one due task each. `workers` real worker processes
 * (bench/dialer/platform-worker.ts) run the hopper against it at once for `seconds`, on a clock inside the calling
 * window at real speed, with the bench carrier (2-minute calls on average). Also measures this machine's pgbench
 * simple-update TPS on a scratch database (created and dropped) right before, and prints dials/s against it.
 * The demand: 50 × 1000 seats with ~2-minute calls keep ≈ 420 dials/s going; the hopper must not be the bottleneck.
 * The figure to cut is CPU milliseconds per placed dial, all processes together: the workers' own CPU over their run
 * (/proc/self/stat) plus the PostgreSQL backends serving the bench database (/proc/<pid>/stat, DbBackendCpu), ÷ dials
 * placed. Unlike dials/s it barely depends on what else the machine runs; the pgbench ratio is printed as context.
 * The workers also apply the results of calls that end inside the run (printed as "results applied"), and that CPU is
 * in the figure too: a run long enough for every call to end (--seconds=240) gives placement + result per dial.
 */
import { execFile, spawnSync } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { createPrismaClient } from "../../server/db/create-client";
import { PRODUCT_LIMITS } from "../../server/domain/calling-policy";
import { zonedTimeToInstant } from "../../server/domain/time/local-day";
import { recountCallTotals } from "../../server/services/metrics/recount-call-totals";
import { seedPlatform } from "../../prisma/seed/seed-platform";
import { newId } from "../../prisma/seed/ids";
import { describeLoad, machineLoad, writeResult } from "../results";
import { DbBackendCpu } from "./db-backend-cpu";
import { freshDatabase, rng } from "./setup-bench-db";

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const companies = Number(arg("companies", "50"));
const tasksPerCompany = Number(arg("tasks", "800"));
const seconds = Number(arg("seconds", "90"));
const workers = Number(arg("workers", "2"));
const url = process.env.BENCH_PLATFORM_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/zw_bench_platform";
const log = (line: string) => console.error(`· ${line}`);
const SCRIPTS = 20;

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** pgbench's built-in simple-update script (-N) on a scratch database, 4 clients, 15 s: this machine's write TPS now. */
function pgbenchTps(): { tps: number; scale: number; clients: number; seconds: number } {
  const u = new URL(url);
  const name = `zw_pgbench_${process.pid}`;
  const base = ["-h", u.hostname, "-p", u.port || "5432", "-U", u.username || "postgres"];
  spawnSync("createdb", [...base, name], { stdio: "inherit" });
  try {
    spawnSync("pgbench", [...base, "-i", "-q", "-s", "10", name], { stdio: ["ignore", "ignore", "ignore"] });
    const out = spawnSync("pgbench", [...base, "-N", "-c", "4", "-j", "2", "-T", "15", name], { encoding: "utf8" }).stdout;
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? NaN);
    return { tps: Math.round(tps), scale: 10, clients: 4, seconds: 15 };
  } finally {
    spawnSync("dropdb", [...base, "--force", name], { stdio: "inherit" });
  }
}

async function buildWorld(simStart: Date) {
  await freshDatabase(url);
  const db = createPrismaClient(url);
  await seedPlatform(db);
  const random = rng(7);
  const used = new Set<string>();
  const mobile = () => {
    let m = "";
    while (!m || used.has(m)) m = `13${Math.floor(random() * 10)}${String(Math.floor(random() * 1e8)).padStart(8, "0")}`;
    used.add(m);
    return m;
  };
  const dialogues = {
    scenarios: [{ key: "main-1", name: "主流程-1", rounds: [{ ai: "{patientTitle}您好，这里是{clinicShortName}。", replies: [] }] }],
    intents: [{ key: "interested", label: "有意向" }],
  };
  const opened = new Date(simStart.getTime() - 86_400_000);
  const world = Array.from({ length: companies }, (_, c) => ({
    c,
    companyId: newId(),
    clinicId: newId(),
    templateId: newId(),
    scriptIds: Array.from({ length: SCRIPTS }, () => newId()),
  }));
  const chunked = async <T,>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 5000) await insert(rows.slice(i, i + 5000));
  };
  await db.company.createMany({ data: world.map((w) => ({ id: w.companyId, name: `压测连锁${w.c}` })) });
  await db.qualificationApplication.createMany({
    data: world.map((w) => ({ companyId: w.companyId, applicantName: "压测", applicantMobile: "13700000001", companyName: `压测连锁${w.c}`, status: "approved" as const, submittedAt: opened, reviewedAt: opened })),
  });
  await db.callBalanceEntry.createMany({ data: world.map((w) => ({ companyId: w.companyId, delta: 10_000_000, reason: "topUp" })) });
  await db.clinic.createMany({
    data: world.map((w) => ({ id: w.clinicId, companyId: w.companyId, name: `压测连锁${w.c}(总店)`, shortName: "总店", address: "上海市静安区南京西路1号", outboundOpenedAt: opened })),
  });
  await db.scriptTemplate.createMany({
    data: world.map((w) => ({ id: w.templateId, companyId: w.companyId, key: "bench", kind: "ai" as const, name: "压测模版", category: "service" as const, paramSchema: [], scenarios: dialogues.scenarios, intents: dialogues.intents })),
  });
  await db.script.createMany({
    data: world.flatMap((w) => w.scriptIds.map((id, i) => ({ id, companyId: w.companyId, name: `压测话术${i}`, kind: "ai" as const, category: "service" as const, templateId: w.templateId, preview: dialogues }))),
  });
  await db.scriptClinic.createMany({ data: world.flatMap((w) => w.scriptIds.map((scriptId) => ({ scriptId, clinicId: w.clinicId }))) });
  const patients = world.flatMap((w) =>
    Array.from({ length: tasksPerCompany }, (_, i) => ({ id: newId(), companyId: w.companyId, clinicId: w.clinicId, name: `患者${i}`, gender: "female" as const, mobile: mobile(), scriptId: w.scriptIds[i % SCRIPTS]! })),
  );
  await chunked(patients, (chunk) => db.patient.createMany({ data: chunk.map(({ scriptId: _, ...p }) => p) }));
  await chunked(patients, (chunk) =>
    db.callTask.createMany({
      data: chunk.map((p) => ({ id: newId(), companyId: p.companyId, clinicId: p.clinicId, scriptId: p.scriptId, patientId: p.id, mobile: p.mobile, source: "batch" as const, maxAttempts: PRODUCT_LIMITS.redialMaxAttempts, nextAttemptAt: simStart, createdAt: simStart })),
    }),
  );
  // Tasks written directly, not through insertCallTasks: rebuild the running totals from them.
  for (const w of world) await recountCallTotals(db, w.companyId);
  await db.$executeRawUnsafe("VACUUM ANALYZE");
  await db.$disconnect();
}

async function main() {
  const load = machineLoad();
  const simStart = zonedTimeToInstant({ year: 2026, month: 3, day: 2, hour: 10 }, "Asia/Shanghai");
  log(`pgbench simple-update on a scratch database…`);
  const pgb = pgbenchTps();
  log(`pgbench: ${pgb.tps} TPS; building ${companies} companies × ${tasksPerCompany} tasks…`);
  const t0 = performance.now();
  await buildWorld(simStart);
  log(`world built in ${Math.round((performance.now() - t0) / 1000)} s; ${workers} workers for ${seconds} s…`);
  const run = promisify(execFile);
  const backendCpu = new DbBackendCpu(new URL(url).pathname.slice(1));
  backendCpu.start();
  const outs = await Promise.all(
    Array.from({ length: workers }, (_, i) =>
      run(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "platform-worker.ts"), url, `w${i + 1}`, String(simStart.getTime()), String(seconds)], {
        maxBuffer: 1 << 28,
      }),
    ),
  );
  const pgCpu = backendCpu.stop();
  const reports = outs.map((o) => JSON.parse(o.stdout.trim().split("\n").pop()!) as {
    workerId: string; wallMs: number; cpuMs: number; ticks: number; placed: number; results: number; decided: number;
    claims: { company: string; start: number; end: number; claimed: number }[]; placeMs: number[]; rssMb: number;
  });
  const db = createPrismaClient(url);
  const [calls] = await db.$queryRaw<{ n: bigint; refs: bigint; first: Date; last: Date }[]>`
    SELECT count(*) AS n, count(DISTINCT ("taskId", attempt)) AS refs, min("createdAt") AS first, max("createdAt") AS last FROM "Call"`;
  const seats = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "CallTask" WHERE status IN ('dialing', 'inCall')`;
  await db.$disconnect();

  const wall = Math.max(...reports.map((r) => r.wallMs)) / 1000;
  const placed = reports.reduce((a, r) => a + r.placed, 0);
  const claimMs = reports.flatMap((r) => r.claims.map((c) => c.end - c.start));
  // Claims of different companies in flight at the same moment (one interval per worker): the time both workers were
  // inside a claim transaction, against the time either was.
  const events = reports.flatMap((r, w) => r.claims.flatMap((c) => [{ t: c.start, d: 1, w, company: c.company }, { t: c.end, d: -1, w, company: c.company }])).sort((a, b) => a.t - b.t || a.d - b.d);
  let inFlight = 0;
  let prev = 0;
  let any = 0;
  let both = 0;
  for (const e of events) {
    if (inFlight >= 1) any += e.t - prev;
    if (inFlight >= 2) both += e.t - prev;
    inFlight += e.d;
    prev = e.t;
  }
  const dialsPerSec = Math.round((placed / wall) * 10) / 10;
  // The hopper's own capacity: tasks claimed per second spent inside claim transactions (per worker, summed over the
  // workers, since their claims run side by side) — what it could feed if placing a call cost nothing.
  const hopperPerSec = Math.round(
    reports.reduce((sum, r) => {
      const busyMs = r.claims.reduce((a, c) => a + (c.end - c.start), 0);
      return sum + (busyMs > 0 ? (r.claims.reduce((a, c) => a + c.claimed, 0) / busyMs) * 1000 : 0);
    }, 0),
  );
  const claimedTotal = reports.reduce((a, r) => a + r.claims.reduce((b, c) => b + c.claimed, 0), 0);
  const machine = load();
  const workerCpuMs = reports.reduce((a, r) => a + r.cpuMs, 0);
  const perDial = (ms: number) => (placed ? Math.round((ms / placed) * 100) / 100 : 0);
  const row = {
    companies,
    seats: companies * 1000,
    tasks: companies * tasksPerCompany,
    workers,
    "wall s": Math.round(wall),
    "dials placed": placed,
    "Call rows": Number(calls!.n),
    "double dials": Number(calls!.n) - Number(calls!.refs),
    "CPU ms per placed dial (workers + PostgreSQL backends)": perDial(workerCpuMs + pgCpu.cpuMs),
    "… of which workers": perDial(workerCpuMs),
    "… of which PostgreSQL backends": perDial(pgCpu.cpuMs),
    "CPU s: workers / PostgreSQL backends (backends seen)": `${Math.round(workerCpuMs / 100) / 10} / ${Math.round(pgCpu.cpuMs / 100) / 10} (${pgCpu.backends})`,
    "dials/s": dialsPerSec,
    "demand dials/s (50 × 1000 seats, 2-min calls)": Math.round((companies * 1000) / 120),
    "tasks claimed": claimedTotal,
    "hopper capacity (tasks claimed per second of claim time, workers summed)": hopperPerSec,
    "claim transactions": claimMs.length,
    "claim p50 ms": pct(claimMs, 50),
    "claim p99 ms": pct(claimMs, 99),
    "place p50 ms (one batch of up to PLACE_BATCH_SIZE claims)": pct(reports.flatMap((r) => r.placeMs), 50),
    "place p99 ms (one batch)": pct(reports.flatMap((r) => r.placeMs), 99),
    "claims overlapping (both workers in a claim) %": any ? Math.round((both / any) * 1000) / 10 : 0,
    "seats in use at end": Number(seats[0]!.n),
    "results applied": reports.reduce((a, r) => a + r.results, 0),
    "pgbench simple-update TPS": pgb.tps,
    "dials/s ÷ pgbench TPS": Math.round((dialsPerSec / pgb.tps) * 1000) / 1000,
    "worker RSS MB": reports.map((r) => r.rssMb).join(" / "),
  };
  console.log(`\nPlatform dialer bench: ${companies} companies on one database, ${workers} worker processes, ${seconds} s\n`);
  console.log("| figure | value |\n|---|---:|");
  for (const [k, v] of Object.entries(row)) console.log(`| ${k} | ${v} |`);
  console.log(`\n${describeLoad(machine)}`);
  const file = writeResult("dialer-platform", { ...row, pgbench: pgb, machine });
  console.log(`JSON: ${path.relative(path.resolve(import.meta.dirname, "../.."), file)}`);
  await admin((c) => c.query(`drop database if exists "${new URL(url).pathname.slice(1)}" with (force)`));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
