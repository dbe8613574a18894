/**
 * One worker process of the platform dialer bench (bench/dialer/platform.ts):
 * `tsx bench/dialer/platform-worker.ts <databaseUrl> <workerId> <simulatedStartMs> <seconds>`.
 * Runs the hopper as a production worker does — recover, claim company by company (runDialerTick), place every claim
 * (placeClaimedCalls: batches of PLACE_BATCH_SIZE, PLACE_BATCHES_IN_FLIGHT at a time — as the place-call job receives
 * them from dialer-tick, run 8 at a time by the in-process driver), apply the results of calls that ended
 * (applyAttemptResults: batches of RESULT_BATCH_SIZE, RESULTS_IN_FLIGHT at a time, as the call-ended job takes them) — continuously for `seconds` of wall time on
 * a clock that starts at `simulatedStartMs` (inside the calling window) and runs at real speed. Prints one JSON line.
 */
import { createPrismaClient } from "../../server/db/create-client";
import { applyAttemptResults } from "../../server/services/dialer/apply-attempt-result";
import { claimCompanyTasks } from "../../server/services/dialer/claim-due-tasks";
import { PLACE_BATCH_SIZE, RESULT_BATCH_SIZE } from "../../server/services/dialer/dialer-settings";
import { placeClaimedCalls } from "../../server/services/dialer/place-claimed-call";
import { runDialerTick } from "../../server/services/dialer/run-dialer-tick";
import { processCpuMs } from "./db-backend-cpu";
import { BenchCarrier } from "./sim-carrier";

const [url, workerId, startArg, secondsArg] = process.argv.slice(2) as [string, string, string, string];
const PLACE_BATCHES_IN_FLIGHT = 4;
/** Result batches applied at once (as the call-ended job receives them, batchEvents, run side by side by the driver). */
const RESULTS_IN_FLIGHT = 4;

const chunks = <T>(xs: readonly T[], size: number) => Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));

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
    await pool(chunks(done, RESULT_BATCH_SIZE), RESULTS_IN_FLIGHT, async (batch) => {
      results += (await applyAttemptResults(db, batch, now)).filter((r) => r.applied).length;
    });
    const tick = await runDialerTick(db, { now, workerId, claim: timed });
    ticks += 1;
    decided += tick.decided;
    await pool(chunks(tick.claimed, PLACE_BATCH_SIZE), PLACE_BATCHES_IN_FLIGHT, async (batch) => {
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
