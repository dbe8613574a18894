/**
 * Fault bench: `npx tsx bench/faults/run.ts [--scripts=20] [--tasks-per-script=105] [--dist=.next-faultbench] [--skip-build]`.
 * Two production app processes (`next build` once into its own NEXT_DIST_DIR, `next start` twice) + the carrier service +
 * the bench's OWN PostgreSQL cluster (`pg_createcluster 15 faultbench -p 41320`, dropped at the end; never the shared
 * one). A campaign of scripts × tasks; mid-campaign one app is killed with SIGKILL and restarted, PostgreSQL is
 * restarted once, forged / duplicate / reordered webhooks are delivered; then the independent check
 * (bench/dialer/check-violations.ts: the rolling minute measured from the carrier's log of create requests), the audit
 * of the carrier's side, and the running totals against a recount. The campaign is created while both apps are idle, in
 * one transaction: their ticks fire in the same 5-s slot (server/jobs), so their first claims race.
 * Bounded: gives up waiting --deadline-s after the campaign started.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { parseClientRef } from "../../server/domain/call-tasks/client-ref";
import { checkViolations } from "../dialer/check-violations";
import { attackWebhooks, type AttackResult, type CarrierCall } from "./webhook-attacks";
import { audit, inFlightAges } from "./audit";
import { cluster, kill9, startApp, startCarrier, stop, waitOk, type Proc } from "./processes";
import { LIMITS, setupFaultWorld, startCampaign } from "./setup-fault-world";
import { compareTotalsWithRecount } from "./totals";

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const SCRIPTS = Number(arg("scripts", "20"));
const PER_SCRIPT = Number(arg("tasks-per-script", "105"));
const DIST = arg("dist", ".next-faultbench");
const DEADLINE_S = Number(arg("deadline-s", "600"));
const CLUSTER = "faultbench";
const PG_PORT = 41320;
const [CARRIER_PORT, PORT_A, PORT_B] = [41330, 41331, 41332];
const SECRET = "faultbench-carrier-webhook-secret-0123456789";
const DATA_DIR = ".data/faultbench";
const url = `postgresql://postgres@127.0.0.1:${PG_PORT}/zw_faultbench`;
const t0 = Date.now();
const log = (line: string) => console.error(`· ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s  ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const procs: Proc[] = [];
  cluster.ensure(CLUSTER, PG_PORT);
  try {
    if (!process.argv.includes("--skip-build")) {
      log(`next build → ${DIST} …`);
      const b = spawnSync("npx", ["next", "build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_DIST_DIR: DIST } });
      if (b.status !== 0) throw new Error("next build failed");
    }
    log(`database on the bench's own cluster (port ${PG_PORT}) …`);
    const world = await setupFaultWorld(url, { scripts: SCRIPTS, tasksPerScript: PER_SCRIPT, runMs: 20 * 60_000 });
    log(`clinics: ${world.clinics.map((c) => `${c.timezone}${c.open ? "" : " (window closed)"}`).join(", ")}`);
    rmSync(DATA_DIR, { recursive: true, force: true });

    const apps = [`http://127.0.0.1:${PORT_A}`, `http://127.0.0.1:${PORT_B}`];
    const carrierUrl = `http://127.0.0.1:${CARRIER_PORT}`;
    const carrierEnv = {
      ...process.env,
      CARRIER_SIM_PORT: String(CARRIER_PORT),
      CARRIER_SIM_WEBHOOK_URL: apps.map((a) => `${a}/api/carrier/webhook`).join(","),
      CARRIER_WEBHOOK_SECRET: SECRET,
      CARRIER_SIM_TIME_SCALE: "30",
      CARRIER_SIM_RECORDINGS: "off", // speech synthesis for ~1000 answered calls would only measure espeak
      CARRIER_SIM_STATE_DIR: `${DATA_DIR}/carrier-state`,
      DATA_DIR,
    };
    const appEnv = (port: number) => ({
      ...process.env,
      NODE_ENV: "production" as const,
      DATABASE_URL: url,
      AUTH_SECRET: "faultbench-auth-secret-0123456789abcdef",
      DEMO_ACCOUNTS: "off",
      APP_URL: `http://127.0.0.1:${port}`,
      CARRIER_WEBHOOK_SECRET: SECRET,
      CARRIER_SIM_URL: carrierUrl,
      JOBS_EVERY_MINUTE_MS: "5000",
      NEXT_DIST_DIR: DIST,
      DATA_DIR,
    });
    procs.push(startCarrier(carrierEnv, log));
    await waitOk(`${carrierUrl}/health`, 60_000);
    let appA = startApp("app-A", PORT_A, appEnv(PORT_A), log);
    const appB = startApp("app-B", PORT_B, appEnv(PORT_B), log);
    procs.push(appA, appB);
    await Promise.all(apps.map((a) => waitOk(`${a}/api/health`, 120_000)));
    log("carrier service and two app processes up");

    const created = await startCampaign(world);
    const campaignAt = Date.now();
    log(`campaign started: ${created} call tasks over ${SCRIPTS} scripts, both apps idle until their next tick (same slot)`);
    let oldestInFlightMs = 0;
    const sampler = setInterval(() => {
      void inFlightAges(world.db, world.companyId)
        .then((a) => (oldestInFlightMs = Math.max(oldestInFlightMs, a.oldestMs)))
        .catch(() => undefined); // the database may be restarting
    }, 5000);

    // Fault 1: kill -9 one app mid-campaign, restart it 3 s later.
    await sleep(Math.max(0, campaignAt + 30_000 - Date.now()));
    const killedPrefix = `pid${appA.pid}:`;
    const inFlight = (
      await world.db.callTask.findMany({ where: { companyId: world.companyId, status: { in: ["dialing", "inCall"] } }, select: { id: true, claimedBy: true } })
    ).filter((t) => t.claimedBy?.startsWith(killedPrefix));
    const killAt = Date.now();
    kill9(appA);
    log(`kill -9 app-A (pid ${appA.pid}) with ${inFlight.length} of its claims in flight`);
    await sleep(3000);
    appA = startApp("app-A", PORT_A, appEnv(PORT_A), log);
    procs.push(appA);
    await waitOk(`${apps[0]}/api/health`, 300_000, 100);
    const killedAnswerS = (Date.now() - killAt) / 1000;
    log(`app-A answers again ${killedAnswerS.toFixed(1)} s after the kill (restarted 3 s after it)`);
    const settledKilled = waitSettled(world.db, inFlight.map((t) => t.id), killAt);

    // Webhook attacks against both instances.
    await sleep(Math.max(0, campaignAt + 50_000 - Date.now()));
    const before = await inspect(carrierUrl);
    const attack: AttackResult = await attackWebhooks(apps, SECRET, before.calls);
    log(`webhooks: ${attack.forgedSent} forged (${attack.forgedAccepted} accepted), ${attack.duplicatesSent} duplicates, ${attack.reorderedSent} reordered batches`);

    // Fault 2: restart PostgreSQL.
    await sleep(Math.max(0, campaignAt + 70_000 - Date.now()));
    const pgAt = Date.now();
    cluster.restart(CLUSTER);
    const pgDoneAt = Date.now();
    await Promise.all(apps.map((a) => waitOk(`${a}/api/health`, 300_000, 100)));
    const pagesBackS = (Date.now() - pgAt) / 1000;
    const dialerBackS = (await firstCallAfter(world.db, world.companyId, new Date(pgDoneAt), 120_000)) / 1000 + (pgDoneAt - pgAt) / 1000;
    log(`PostgreSQL restarted in ${((pgDoneAt - pgAt) / 1000).toFixed(1)} s; both apps answer ${pagesBackS.toFixed(1)} s, dialing resumed ${dialerBackS.toFixed(1)} s after the restart began`);

    // Wait for the campaign to settle: no task in flight and none due (the closed-window clinic's wait for tomorrow).
    // From the campaign's start, so a slow build does not eat the wait (the first small run timed out that way).
    const deadline = campaignAt + DEADLINE_S * 1000;
    let settledAt = 0;
    while (Date.now() < deadline) {
      const [row] = await world.db.$queryRaw<{ flying: bigint; due: bigint }[]>`
        SELECT count(*) FILTER (WHERE status IN ('dialing', 'inCall')) AS flying,
               count(*) FILTER (WHERE status = 'pending' AND "nextAttemptAt" <= now()) AS due
        FROM "CallTask" WHERE "companyId" = ${world.companyId}`;
      if (Number(row!.flying) === 0 && Number(row!.due) === 0) {
        settledAt = Date.now();
        break;
      }
      await sleep(3000);
    }
    clearInterval(sampler);
    const killedSettledS = await Promise.race([settledKilled, Promise.resolve(-1)]);
    log(settledAt ? `campaign settled ${((settledAt - campaignAt) / 1000).toFixed(0)} s after it started` : "deadline reached before the campaign settled");

    const after = await inspect(carrierUrl);
    const dialsPerRef = new Map(Object.entries(after.creates));
    // The rolling minute on the carrier's clock: every create request it accepted, by the script of its task.
    const scriptOf = new Map(
      (await world.db.callTask.findMany({ where: { companyId: world.companyId }, select: { id: true, scriptId: true } })).map((t) => [t.id, t.scriptId]),
    );
    // A create re-sent with the same clientRef dials no one (the carrier dedupes it; double dials count those): first only.
    const firstAccepted = new Map<string, number>();
    for (const [clientRef, at, accepted] of after.createLog) if (accepted && !firstAccepted.has(clientRef)) firstAccepted.set(clientRef, at);
    const carrierDials = [...firstAccepted].map(([clientRef, at]) => ({ scriptId: scriptOf.get(parseClientRef(clientRef)?.taskId ?? "") ?? "?", at }));
    const v = await checkViolations(world, dialsPerRef, { ...LIMITS, timeScale: 30, carrierDials });
    const ours = await checkViolations(world, dialsPerRef, { ...LIMITS, timeScale: 30 });
    const a = await audit(world.db, world.companyId, after.calls);
    const ages = await inFlightAges(world.db, world.companyId);
    const statuses = await world.db.callTask.groupBy({ by: ["status"], _count: true, where: { companyId: world.companyId } });
    log(`task statuses: ${statuses.map((x) => `${x.status}=${x._count}`).join(" ")}`);
    const closedClinic = world.clinics.find((c) => !c.open)!.id;
    const closedDialed = await world.db.call.count({ where: { companyId: world.companyId, clinicId: closedClinic } });
    // The totals against a recount, with no app writing (the campaign settled; stop them so no late tick races the recount).
    for (const p of procs.filter((x) => x.name.startsWith("app-"))) await stop(p);
    const totals = await compareTotalsWithRecount(world.db, world.companyId);
    log(`totals 待呼 ${totals.kept.pending} / 呼叫数 ${totals.kept.dialed}; recount ${totals.recounted.pending} / ${totals.recounted.dialed}`);

    const figures = {
      "call tasks": created,
      "calls placed": v.calls,
      "carrier calls": a.carrierCalls,
      "double dials": v.doubleDial,
      "throttle violations (rolling minute, carrier's log)": v.throttle,
      "most dials of one script in a rolling minute (carrier's log)": `${v.peakDialsPerMinute} (limit ${LIMITS.dialsPerMinuteScript})`,
      "throttle violations (rolling minute, our rows)": ours.throttle,
      "seat violations (per instant)": v.seats,
      "window violations": v.window,
      "cap violations": v.caps,
      "interception / DNC / redial violations": `${v.interception} / ${v.dnc} / ${v.redial}`,
      "calls in the closed-window clinic": closedDialed,
      "tasks stuck (dialing/inCall > 5.5 min)": ages.stuck,
      "tasks still in flight at the end": ages.count,
      "oldest in-flight task seen (s)": Math.round(oldestInFlightMs / 1000),
      "events lost": a.eventsLost,
      "calls closed as unknown to the carrier": a.closedAsUnknown,
      "double debits / half-written rows": `${a.doubleDebits} / ${a.halfWritten}`,
      "running totals ≠ recount (script·clinic·day rows)": totals.differing,
      "totals 待呼 / 呼叫数 (recount)": `${totals.kept.pending} / ${totals.kept.dialed} (${totals.recounted.pending} / ${totals.recounted.dialed})`,
      "forged webhooks accepted": `${attack.forgedAccepted} of ${attack.forgedSent}`,
      "genuine re-deliveries refused": `${attack.genuineRefused} of ${attack.duplicatesSent + attack.reorderedSent}`,
      "kill -9: killed app answers again (s)": Number(killedAnswerS.toFixed(1)),
      "kill -9: its in-flight claims settled (s)": killedSettledS < 0 ? "not yet" : Number(killedSettledS.toFixed(1)),
      "kill -9: claims in flight at the kill": inFlight.length,
      "PG restart: pages answer again (s)": Number(pagesBackS.toFixed(1)),
      "PG restart: dialing resumed (s)": Number(dialerBackS.toFixed(1)),
      "campaign settled after (s)": settledAt ? Math.round((settledAt - campaignAt) / 1000) : "deadline",
      "wall (s)": Math.round((Date.now() - t0) / 1000),
    };
    console.table(Object.entries(figures).map(([figure, value]) => ({ figure, value })));
    const bad = v.doubleDial + v.throttle + ours.throttle + totals.differing + v.seats + v.window + v.caps + v.interception + v.dnc + v.redial + ages.stuck + a.eventsLost + a.doubleDebits + a.halfWritten + attack.forgedAccepted + attack.genuineRefused + closedDialed;
    console.log(bad === 0 ? "ALL ZERO: no violation, nothing stuck, nothing lost" : `NOT ZERO: ${bad}`);
    await world.db.$disconnect();
    process.exitCode = bad === 0 && settledAt ? 0 : 1;
  } finally {
    for (const p of procs.reverse()) await stop(p);
    if (!process.argv.includes("--keep-cluster")) cluster.drop(CLUSTER);
  }
}

type Inspection = { calls: CarrierCall[]; creates: Record<string, number>; createLog: [clientRef: string, at: number, accepted: boolean][] };

async function inspect(carrierUrl: string): Promise<Inspection> {
  const res = await fetch(`${carrierUrl}/v1/inspect/calls`);
  return (await res.json()) as Inspection;
}

/** Seconds from `since` until none of these tasks is dialing/inCall any more. */
async function waitSettled(db: import("../../server/db/create-client").PrismaClient, ids: string[], since: number): Promise<number> {
  for (;;) {
    try {
      const n = await db.callTask.count({ where: { id: { in: ids }, status: { in: ["dialing", "inCall"] } } });
      if (n === 0) return (Date.now() - since) / 1000;
    } catch {
      // the database is restarting
    }
    await sleep(1000);
  }
}

/** ms from `after` until a Call row is created after it. */
async function firstCallAfter(db: import("../../server/db/create-client").PrismaClient, companyId: string, after: Date, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      const c = await db.call.findFirst({ where: { companyId, createdAt: { gt: after } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
      if (c) return c.createdAt.getTime() - after.getTime();
    } catch {
      // reconnecting
    }
    await sleep(250);
  }
  return timeoutMs;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
