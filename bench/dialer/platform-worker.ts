/**
 * One worker process of the platform dialer bench (bench/dialer/platform.ts):
 * `tsx bench/dialer/platform-worker.ts <databaseUrl> <workerId> <simulatedStartMs> <seconds>`.
 * Runs the hopper as a production worker does — recover, claim company by company (runDialerTick), place every claim
 * (placeClaimedCalls: batches of PLACE_BATCH_SIZE, PLACE_BATCHES_IN_FLIGHT at a time — as the place-call job receives
 * them from dialer-tick, run 8 at a time by the in-process driver), apply the results of calls that ended (16 at a
 * time) — continuously for `seconds` of wall time on
 * a clock that starts at `simulatedStartMs` (inside the calling window) and runs at real speed. Prints one JSON line.
 */
import { createPrismaClient } from "../../server/db/create-client";
import { applyAttemptResult } from "../../server/services/dialer/apply-attempt-result";
import { claimCompanyTasks } from "../../server/services/dialer/claim-due-tasks";
import { PLACE_BATCH_SIZE } from "../../server/services/dialer/dialer-settings";
import { placeClaimedCalls } from "../../server/services/dialer/place-claimed-call";
import { runDialerTick } from "../../server/services/dialer/run-dialer-tick";
import { processCpuMs } from "./db-backend-cpu";
import { BenchCarrier } from "./sim-carrier";

const [url, workerId, startArg, secondsArg] = process.argv.slice(2) as [string, string, string, string];
const PLACE_BATCHES_IN_FLIGHT = 4;

async function pool<T>(items: readonly T[], size: number, fn: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

async function main() {
  const db = createPrismaClient(url);
  // This process's CPU from here on (/proc/self/stat): the hopper's work, not tsx compiling the worker at startup.
  const cpuStart = processCpuMs("self")!;
  const realStart = Date.now();
  const simStart = Number(startArg);
  const clock = () => new Date(simStart + (Date.now() - realStart));
  const carrier = new BenchCarrier(clock, `bench-${workerId}`);
  const deadline = realStart + Number(secondsArg) * 1000;
  /** Each company claim: wall-clock start and end (ms since epoch) and its duration, for latency and overlap. */
  const claims: { company: string; start: number; end: number; claimed: number }[] = [];
  let ticks = 0;
  let placed = 0;
  let results = 0;
  let decided = 0;
  const placeMs: number[] = [];
  // Time each company's claim transaction, as runDialerTick runs them (same function, same order).
  const timed: typeof claimCompanyTasks = async (d, companyId, scriptIds, opts) => {
    const start = Date.now();
    let claimed = 0;
    try {
      const stats = await claimCompanyTasks(d, companyId, scriptIds, opts);
      claimed = stats.claimed.length;
      return stats;
    } finally {
      claims.push({ company: companyId, start, end: Date.now(), claimed });
    }
  };
  while (Date.now() < deadline) {
    const now = clock();
    const done = carrier.takeDue(now);
    await pool(done, 16, async (r) => {
      if ((await applyAttemptResult(db, r, now)).applied) results += 1;
    });
    const tick = await runDialerTick(db, { now, workerId, claim: timed });
    ticks += 1;
    decided += tick.decided;
    const batches = Array.from({ length: Math.ceil(tick.claimed.length / PLACE_BATCH_SIZE) }, (_, i) => tick.claimed.slice(i * PLACE_BATCH_SIZE, (i + 1) * PLACE_BATCH_SIZE));
    await pool(batches, PLACE_BATCHES_IN_FLIGHT, async (batch) => {
      const t0 = Date.now();
      const results = await placeClaimedCalls(db, carrier, batch, clock); // (not `placed += await …`: batches run side by side)
      placed += results.filter((r) => r.status === "placed").length;
      placeMs.push(Date.now() - t0);
    });
    if (tick.claimed.length === 0 && done.length === 0) await new Promise((r) => setTimeout(r, 200));
  }
  const wallMs = Date.now() - realStart;
  const cpuMs = Math.round(processCpuMs("self")! - cpuStart);
  await db.$disconnect();
  console.log(JSON.stringify({ workerId, wallMs, cpuMs, ticks, placed, results, decided, claims, placeMs, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
