/**
 * HTTP load bench: `npx tsx bench/http/run.ts [--skip-build] [--duration=30] [--connections=50] [--think-s=2] [--port=41700]
 * [--cpu-only] [--requests=200] [--only=<endpoint name part>] [--server=next|npm] [--cpu-prof=<dir>]`.
 * The production build (`next build` into NEXT_DIST_DIR, default .next-bench; `next start` on 127.0.0.1) on the records
 * bench's 1 M-call world (built first by `bench/records/run.ts --seed-only` when missing), signed-in sessions of a
 * 公司管理员 and a 诊所管理员, and autocannon (bounded in time, only to 127.0.0.1) with N concurrent users cycling through
 * 话单记录 pages with filters, 话单记录汇总, a script's detail, the 外呼管理 list, 客户名单 pages and recording range
 * requests — first as independent users (bench/http/users-model.ts: each acts at random, mean --think-s apart), then
 * the same rate in autocannon's lockstep (a burst once a second), then saturation. Prints p50/p95/p99 and throughput per
 * endpoint, errors, the server's RSS and the machine's load; then one
 * 客户名单 export download (first byte, total, the server's RSS) with nobody else on the server. JSON → bench/results/.
 *
 * CPU per request (issue 29): before the load phases, each endpoint alone gets `--requests` requests (4 connections)
 * and the bench reads the server processes' CPU time (utime + stime of `next start` and every descendant, from
 * /proc/<pid>/stat) before and after: CPU ms ÷ requests. Unlike latency this is stable on a shared machine.
 * `--cpu-only --requests=200` runs just that pass (no load phases, no export); `NEXT_DIST_DIR` picks the build, so two
 * builds (before/after a change) can be compared with `--skip-build`.
 *
 * Saturation against a baseline (issue 29 item 4): after the two load phases, the same N connections ask `/api/health`
 * (no session, one `SELECT 1`) back to back for the same duration. The users' saturation throughput is printed as a ratio
 * to that baseline — what share of the bare server's request rate the product's requests reach on this machine at this
 * moment, comparable between runs on a noisy machine — and as a multiple of issue 29's starting point, 31.8 req/s
 * (session 4, quiet machine, one `next start`).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { percentile } from "../records/measure";
import { describeLoad, machineLoad, writeResult } from "../results";
import { treeCpuMs, treeRssMb } from "./process-stats";
import { loadPhase } from "./autocannon-phase";
import { independentUsers, type UsersEndpoint } from "./users-model";
import { readWorld, storeRecordings } from "./world";
import { signIn as signInAt } from "./sign-in";

const root = path.resolve(import.meta.dirname, "../..");
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const duration = Number(arg("duration", "30"));
const connections = Number(arg("connections", "50"));
/** Issue 29's starting point: saturation throughput of one `next start` on a quiet machine (session 4, docs/performance.md). */
const SATURATION_BEFORE = 31.8;
/** Each user's pause between two actions (mean); 0 runs only the closed loop. */
const thinkSeconds = Number(arg("think-s", "2"));
const port = Number(arg("port", process.env.HTTP_BENCH_PORT ?? "41700"));
const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench";
const cpuOnly = process.argv.includes("--cpu-only");
/** Requests per endpoint in the CPU pass (0 skips it). */
const cpuRequests = Number(arg("requests", "200"));
/** The server command: `next start` (one process) or `npm start`'s launcher (WEB_CONCURRENCY processes). */
const serverCommand = arg("server", "next");
/** `--cpu-prof=<dir>`: the (single) server runs under `node --cpu-prof`; its .cpuprofile is written there on exit. */
const profileDir = arg("cpu-prof", "");
const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/zw_bench_records";
const dataDir = path.join(root, ".data-bench-http");
const base = `http://127.0.0.1:${port}`;
const log = (line: string) => console.error(`· ${line}`);
const PASSWORD = "Demo@2026";

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const res = spawnSync(cmd, args, { stdio: "inherit", env, cwd: root });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${res.status}`);
}

/** `next build` rewrites tsconfig.json for a non-default distDir; put it back as it was. */
function build() {
  const tsconfig = path.join(root, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  try {
    run("npx", ["next", "build"], { ...process.env, NEXT_DIST_DIR: distDir, NODE_ENV: "production" });
  } finally {
    writeFileSync(tsconfig, before);
  }
}

function startServer(): ChildProcess {
  const [cmd, args] =
    serverCommand === "npm"
      ? [process.execPath, [path.join(root, "scripts/start-server.mjs"), "-p", String(port), "-H", "127.0.0.1"]]
      : profileDir
        ? [process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"]]
        : [path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"]];
  const server = spawn(cmd, args, {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      AUTH_SECRET: "http-bench-secret-0123456789abcdef0123",
      CARRIER_WEBHOOK_SECRET: "http-bench-carrier-secret-0123456789",
      APP_URL: base,
      DEMO_ACCOUNTS: "off",
      JOBS_DISABLED: "1", // reads only: no dialer ticking in the measured server
    },
  });
  return server;
}

async function waitUp() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/login`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not come up in 120 s");
}

/**
 * Each endpoint alone: `cpuRequests` requests over 4 connections (the roles alternate), the server tree's CPU ms before
 * and after. Between endpoints the server idles for a moment so a previous endpoint's tail (GC) is not counted.
 */
async function cpuPass(endpoints: Endpoint[], sessions: string[], serverPid: number) {
  const rows = [];
  for (const e of endpoints) {
    const times: number[] = [];
    let errors = 0;
    let turn = 0;
    await new Promise((r) => setTimeout(r, 300));
    const before = treeCpuMs(serverPid);
    const instance = autocannon({
      url: base,
      connections: 4,
      amount: cpuRequests,
      pipelining: 1,
      timeout: 60,
      requests: [
        {
          method: "GET",
          setupRequest: (req: Record<string, unknown>) => {
            const n = turn++;
            return { ...req, path: e.paths[n % e.paths.length], headers: { ...e.headers, ...(e.anonymous ? {} : { cookie: sessions[n % sessions.length] }) } };
          },
          onResponse: (status: number) => void (status >= 400 && errors++),
        },
      ],
    });
    instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => void times.push(ms));
    await instance;
    const cpuMs = treeCpuMs(serverPid) - before;
    times.sort((a, b) => a - b);
    rows.push({ endpoint: e.name, requests: times.length, cpuMsPerRequest: Math.round((cpuMs / Math.max(1, times.length)) * 10) / 10, p50: Math.round(percentile(times, 50)), p95: Math.round(percentile(times, 95)), errors });
    log(`cpu: ${e.name} ${rows.at(-1)!.cpuMsPerRequest} ms/request`);
  }
  return rows;
}

/** Signs in as the load's users do; a refused sign-in stops the bench. */
async function signIn(account: string): Promise<string> {
  const session = await signInAt(base, account, PASSWORD);
  if (!session) throw new Error(`sign-in of ${account} failed`);
  return session;
}

const trpc = (procedure: string, input: unknown) => `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
const day = (offset: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() - offset * 86_400_000));

type Endpoint = UsersEndpoint;

async function sampled<T>(serverPid: number, onRss: (mb: number) => void, fn: () => Promise<T>): Promise<T> {
  const sampler = setInterval(() => onRss(treeRssMb(serverPid)), 500);
  try {
    return await fn();
  } finally {
    clearInterval(sampler);
  }
}

async function main() {
  const load = machineLoad();
  if (!existsSync(path.join(root, distDir, "BUILD_ID")) || !process.argv.includes("--skip-build")) {
    log(`world: ${url}`);
    run("npx", ["tsx", "bench/records/run.ts", "--seed-only"], { ...process.env, BENCH_DATABASE_URL: url });
    log(`building into ${distDir}`);
    build();
  }
  const w = await readWorld(url);
  storeRecordings(dataDir, w.recordings);
  const [big, small, third] = [w.scripts[0]!, w.scripts[7]!, w.scripts[3]!];
  const endpoints: Endpoint[] = [
    { name: "话单记录 第1页（无筛选）", paths: [trpc("callRecords.list", { page: 1, pageSize: 20 })] },
    {
      name: "话单记录 筛选",
      paths: [
        trpc("callRecords.list", { page: 1, pageSize: 20, outcome: "answered" }),
        trpc("callRecords.list", { page: 1, pageSize: 20, scriptId: small, intent: w.intents[0] }),
        trpc("callRecords.list", { page: 1, pageSize: 20, from: day(6), to: day(0) }),
        trpc("callRecords.list", { page: 1, pageSize: 20, consultantId: w.consultants[0], from: day(29), to: day(0) }),
        trpc("callRecords.list", { page: 3, pageSize: 20, scriptId: third, outcome: "noAnswer" }),
      ],
    },
    { name: "话单记录汇总（全部话术）", paths: [trpc("callRecords.summary", {})] },
    { name: "话术详情（执行+通话数据）", paths: [big, small, third].map((id) => trpc("outboundManagement.detail", { id })) },
    { name: "外呼管理列表", paths: [trpc("outboundManagement.scripts", { page: 1 }), trpc("outboundManagement.scripts", { page: 2 })] },
    { name: "客户名单 页", paths: [1, 2, 50].map((page) => trpc("outboundManagement.roster", { scriptId: big, page })) },
    {
      name: "录音 Range 请求",
      paths: w.recordings.map((r) => `/api/call-records/${r.callId}/recording`),
      headers: { range: "bytes=0-65535" },
    },
  ];

  mkdirSync(dataDir, { recursive: true });
  const server = startServer();
  const stop = () => server.pid && process.kill(server.pid, "SIGTERM");
  process.on("exit", stop);
  try {
    await waitUp();
    const sessions = [await signIn("admin@a.demo"), await signIn("clinic@a.demo")];
    const roles = ["公司管理员", "诊所管理员"];
    // Warm-up: every path once per role (and a check that nothing errors before measuring).
    for (const cookie of sessions) {
      for (const e of endpoints) {
        for (const p of e.paths) {
          const res = await fetch(base + p, { headers: { cookie, ...e.headers } });
          await res.arrayBuffer();
          if (res.status >= 400) throw new Error(`warm-up ${e.name} ${p} → ${res.status}`);
        }
      }
    }
    const cpuEndpoints: Endpoint[] = [
      { name: "/api/health（无会话）", paths: ["/api/health"], anonymous: true },
      { name: "/api/trpc/me（已登录空操作）", paths: ["/api/trpc/me"] },
      ...endpoints,
    ];
    const only = arg("only", "");
    const cpuLoad = machineLoad();
    const cpuRows = cpuRequests > 0 ? await cpuPass(cpuEndpoints.filter((e) => e.name.includes(only)), sessions, server.pid!) : [];
    const cpuMachine = cpuLoad();
    const cpuOf = new Map(cpuRows.map((r) => [r.endpoint, r.cpuMsPerRequest]));
    const printCpu = () => {
      if (cpuRows.length === 0) return;
      console.log(`\nServer CPU per request · each endpoint alone, ${cpuRequests} requests over 4 connections, ${serverCommand === "next" ? "next start" : `npm start (WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? "cores"})`} (${distDir}); CPU = utime + stime of the server's process tree from /proc`);
      console.log("\n| endpoint | requests | CPU ms / request | p50 (ms) | p95 (ms) | errors |\n|---|---:|---:|---:|---:|---:|");
      for (const r of cpuRows) console.log(`| ${r.endpoint} | ${r.requests} | **${r.cpuMsPerRequest}** | ${r.p50} | ${r.p95} | ${r.errors} |`);
      console.log(describeLoad(cpuMachine));
    };
    if (cpuOnly) {
      printCpu();
      const file = writeResult("http-cpu", { distDir, server: serverCommand, requestsPerEndpoint: cpuRequests, cpu: cpuRows, machine: cpuMachine });
      console.log(`JSON: ${path.relative(root, file)}`);
      return;
    }

    const rssBefore = treeRssMb(server.pid!);
    log(`server up, RSS ${rssBefore} MB; ${connections} users for ${duration} s`);

    // Two phases over the same endpoints: (1) the users as people use the product — each of the N sessions acts about
    // every --think-s seconds (autocannon's overallRate = N / think-s; requests that find every connection busy wait,
    // so a slow server still shows as latency); (2) saturation — the N connections back to back, no pause, which
    // measures throughput: there p95 ≈ N / throughput by construction.
    // The users come twice: independent (each at random, users-model.ts — how people arrive) and in autocannon's
    // lockstep (every connection's once-a-second timer fires in the same millisecond: a burst of N / think-s requests).
    const userRate = Math.max(1, Math.round(connections / thinkSeconds));
    const phases = [
      ...(thinkSeconds > 0
        ? [
            { name: `users (one action every ${thinkSeconds} s each, independent)`, rate: userRate, independent: true },
            { name: `users in lockstep (autocannon overallRate: ${userRate} requests at once every second)`, rate: userRate, independent: false },
          ]
        : []),
      { name: "saturation (no pause)", rate: 0, independent: false },
    ];
    const results = [];
    let peakRss = rssBefore;
    for (const phase of phases) {
      log(`phase: ${phase.name}`);
      const cpuBefore = treeCpuMs(server.pid!);
      const onRss = (mb: number) => (peakRss = Math.max(peakRss, mb));
      const r = phase.independent
        ? await sampled(server.pid!, onRss, () => independentUsers({ base, endpoints, sessions, users: connections, thinkSeconds, durationSeconds: duration }))
        : await loadPhase({ base, connections, duration }, endpoints, sessions, phase.rate, server.pid!, onRss);
      const cpuMsPerRequest = Math.round(((treeCpuMs(server.pid!) - cpuBefore) / Math.max(1, r.all.requests)) * 10) / 10;
      results.push({ phase: phase.name, ...r, cpuMsPerRequest });
    }
    // The baseline: the bare server (no session, one SELECT 1) under the same N connections, same duration.
    log("phase: /api/health baseline (no pause)");
    const healthCpuBefore = treeCpuMs(server.pid!);
    const healthPhase = await loadPhase({ base, connections, duration }, [{ name: "/api/health（无会话）", paths: ["/api/health"], anonymous: true }], sessions, 0, server.pid!, (mb) => (peakRss = Math.max(peakRss, mb)));
    const healthCpuMs = Math.round(((treeCpuMs(server.pid!) - healthCpuBefore) / Math.max(1, healthPhase.all.requests)) * 10) / 10;
    const saturation = results.find((r) => r.rate === 0)!;
    const ratio = (a: number, b: number) => Math.round((a / Math.max(0.001, b)) * 100) / 100;
    const baseline = {
      healthPerSecond: healthPhase.all.perSecond,
      healthP95: healthPhase.all.p95,
      healthErrors: healthPhase.autocannon.errors + healthPhase.autocannon.timeouts + healthPhase.autocannon.non2xx,
      healthCpuMsPerRequest: healthCpuMs,
      saturationPerSecond: saturation.all.perSecond,
      ratioToHealth: ratio(saturation.all.perSecond, healthPhase.all.perSecond),
      ratioTo318: ratio(saturation.all.perSecond, SATURATION_BEFORE),
    };
    const rssAfter = treeRssMb(server.pid!);

    // One 客户名单 export with nobody else on the server: time to first byte, total, and the server's RSS meanwhile.
    const exportRssBefore = treeRssMb(server.pid!);
    let exportPeak = exportRssBefore;
    const exportSampler = setInterval(() => (exportPeak = Math.max(exportPeak, treeRssMb(server.pid!))), 100);
    const t0 = performance.now();
    const res = await fetch(`${base}/api/script-rosters/${big}/export`, { headers: { cookie: sessions[0]! } });
    const reader = res.body!.getReader();
    let firstByteMs = 0;
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (bytes === 0) firstByteMs = Math.round(performance.now() - t0);
      bytes += value.byteLength;
    }
    const exportMs = Math.round(performance.now() - t0);
    clearInterval(exportSampler);
    const exportRow = { status: res.status, firstByteMs, totalMs: exportMs, sizeMb: Math.round(bytes / 104857.6) / 10, serverRssBeforeMb: exportRssBefore, serverRssPeakMb: exportPeak };
    const machine = load();

    const serverLabel = serverCommand === "next" ? "next start" : `npm start (WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? "cores"})`;
    for (const r of results) {
      console.log(`\nHTTP load · ${r.phase}: ${connections} users, ${Math.round(r.seconds)} s, roles ${roles.join(" + ")}, ${serverLabel} (${distDir}); world ${url.split("/").pop()}`);
      console.log("\n| endpoint | requests | req/s | p50 (ms) | p95 (ms) | p99 (ms) | errors | CPU ms / request (alone) |\n|---|---:|---:|---:|---:|---:|---:|---:|");
      for (const e of r.endpoints) console.log(`| ${e.endpoint} | ${e.requests} | ${e.perSecond} | ${e.p50} | ${e.p95} | ${e.p99} | ${e.errors} | ${cpuOf.get(e.endpoint) ?? "–"} |`);
      console.log(`| **all** | ${r.all.requests} | ${r.all.perSecond} | ${r.all.p50} | ${r.all.p95} | ${r.all.p99} | ${r.autocannon.errors + r.autocannon.timeouts + r.autocannon.non2xx} | ${r.cpuMsPerRequest} (this phase) |`);
    }
    console.log(
      `\nSaturation against the baseline: the users' endpoints ${baseline.saturationPerSecond} req/s; /api/health alone (same ${connections} connections, no pause) ${baseline.healthPerSecond} req/s (p95 ${baseline.healthP95} ms, ${baseline.healthErrors} errors, ${baseline.healthCpuMsPerRequest} CPU ms / request)` +
        ` → **${baseline.ratioToHealth}** of the baseline; **${baseline.ratioTo318}×** issue 29's starting point of ${SATURATION_BEFORE} req/s (target ≥ 3×)`,
    );
    printCpu();
    console.log(`\nserver RSS: ${rssBefore} MB before the load, ${peakRss} MB peak, ${rssAfter} MB after`);
    console.log(`客户名单 export over HTTP (${exportRow.sizeMb} MB, status ${exportRow.status}): first byte ${firstByteMs} ms, total ${exportMs} ms; server RSS ${exportRssBefore} → peak ${exportPeak} MB`);
    console.log(describeLoad(machine));
    const file = writeResult("http", {
      connections,
      thinkSeconds,
      world: url.split("/").pop(),
      cpu: cpuRows,
      server: serverCommand,
      webConcurrency: process.env.WEB_CONCURRENCY ?? null,
      phases: results,
      healthBaseline: healthPhase,
      saturationBaseline: baseline,
      serverRssMb: { before: rssBefore, peak: peakRss, after: rssAfter },
      export: exportRow,
      machine,
    });
    console.log(`JSON: ${path.relative(root, file)}`);
  } finally {
    stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
