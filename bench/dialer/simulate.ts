import { companyLimits } from "../../server/domain/calling-policy";
import { createPrismaClient } from "../../server/db/create-client";
import { applyAttemptResults } from "../../server/services/dialer/apply-attempt-result";
import { RESULT_BATCH_SIZE } from "../../server/services/dialer/dialer-settings";
import { insertCallTasks, loadScriptForTasks } from "../../server/services/dialer/plan-call-tasks";
import { placeClaimedCall } from "../../server/services/dialer/place-claimed-call";
import { runDialerTick } from "../../server/services/dialer/run-dialer-tick";
import type { ClaimedTask } from "../../server/services/dialer/claim-due-tasks";
import type { CarrierPort } from "../../server/ports/carrier";
import { BenchCarrier } from "./sim-carrier";
import { rng, type BenchWorld } from "./setup-bench-db";

export interface SimOptions {
  url: string;
  workers: number;
  tasks: number;
  days: number;
  start: Date;
  /** Share of claims whose worker "dies" before dialing, and after the carrier accepted. */
  crashBeforeDial: number;
  crashAfterAccept: number;
  log?: (line: string) => void;
}

export interface SimStats {
  created: number;
  decided: number;
  claimed: number;
  claimMs: number[];
  claimWallMs: number;
  seatViolations: number;
  maxScriptSeats: number;
  maxCompanySeats: number;
  /** RSS when the simulation starts (after building the world), to tell the dialer's own growth from the setup's. */
  startRssMb: number;
  peakRssMb: number;
  peakHeapMb: number;
  crashedBeforeDial: number;
  crashedAfterAccept: number;
  wallSeconds: number;
  dialsPerRef: Map<string, number>;
}

async function pool<T>(items: readonly T[], size: number, fn: (item: T, i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  }));
}

/**
 * Runs the dialer minute by minute on a simulated clock: tasks arrive in hourly batches (day and night), the carrier
 * reports each call when it ends, `workers` hoppers tick concurrently, and a few workers "crash" between claim and
 * dial. Seats are sampled after every minute.
 */
export async function simulate(world: BenchWorld, o: SimOptions): Promise<SimStats> {
  const started = performance.now();
  const clients = Array.from({ length: o.workers }, () => createPrismaClient(o.url));
  let now = o.start;
  const carrier = new BenchCarrier(() => now);
  const random = rng(7);
  const stats: SimStats = {
    created: 0, decided: 0, claimed: 0, claimMs: [], claimWallMs: 0, seatViolations: 0, maxScriptSeats: 0, maxCompanySeats: 0,
    startRssMb: process.memoryUsage().rss / 2 ** 20, peakRssMb: 0, peakHeapMb: 0, crashedBeforeDial: 0, crashedAfterAccept: 0, wallSeconds: 0, dialsPerRef: carrier.dialsPerRef,
  };
  const hours = o.days * 24;
  const perHour = Math.ceil((o.tasks * 0.6) / (hours - 1));
  const company = companyLimits(await world.db.company.findUniqueOrThrow({ where: { id: world.companyId } }));

  for (let minute = 0; minute < o.days * 1440; minute++) {
    now = new Date(o.start.getTime() + minute * 60_000);
    if (minute % 360 === 0) o.log?.(`${now.toISOString()} · created ${stats.created} · claimed ${stats.claimed} · ${Math.round((performance.now() - started) / 1000)} s`);
    const due = carrier.takeDue(now);
    // In batches, as the call-ended job takes them (batchEvents).
    const batches = Array.from({ length: Math.ceil(due.length / RESULT_BATCH_SIZE) }, (_, i) => due.slice(i * RESULT_BATCH_SIZE, (i + 1) * RESULT_BATCH_SIZE));
    await pool(batches, 4, (batch, i) => applyAttemptResults(clients[i % clients.length]!, batch, now));

    if (minute % 60 === 0 && stats.created < o.tasks) {
      // A campaign of 40 % at the start (before 09:00: it waits for the window), the rest hourly, day and night.
      const count = Math.min(minute === 0 ? Math.round(o.tasks * 0.4) : perHour, o.tasks - stats.created);
      const byScript = new Map<string, string[]>();
      for (let i = 0; i < count; i++) {
        const script = world.scripts[Math.floor(random() * world.scripts.length)]!;
        const patient = world.patients[Math.floor(random() * world.patients.length)]!;
        byScript.set(script.id, [...(byScript.get(script.id) ?? []), patient.id]);
      }
      for (const [scriptId, patientIds] of byScript) {
        await world.db.$transaction(async (tx) => {
          const script = (await loadScriptForTasks(tx, world.companyId, scriptId))!;
          await insertCallTasks(tx, { companyId: world.companyId, script, seeds: patientIds.map((patientId) => ({ patientId })), source: "batch", now });
        }, { timeout: 60_000 });
      }
      stats.created += count;
    }

    const tickStart = performance.now();
    const ticks = await Promise.all(
      clients.map(async (db, w) => {
        const t = performance.now();
        const result = await runDialerTick(db, { now, workerId: `w${w}` });
        if (result.decided > 0) stats.claimMs.push(performance.now() - t);
        return result;
      }),
    );
    const claimed: ClaimedTask[] = ticks.flatMap((t) => t.claimed);
    if (claimed.length || ticks.some((t) => t.decided)) stats.claimWallMs += performance.now() - tickStart;
    stats.decided += ticks.reduce((n, t) => n + t.decided, 0);
    stats.claimed += claimed.length;
    for (const t of ticks) if (t.failures.length) throw new Error(`claim failed: ${t.failures[0]!.error}`);

    await pool(claimed, 16, async (claim, i) => {
      const db = clients[i % clients.length]!;
      const roll = random();
      if (roll < o.crashBeforeDial) {
        stats.crashedBeforeDial++;
        return; // the worker died after claiming: recovery must bring it back, same attempt
      }
      if (roll < o.crashBeforeDial + o.crashAfterAccept) {
        stats.crashedAfterAccept++;
        const dying: CarrierPort = Object.assign(Object.create(carrier), {
          createCall: async (input: Parameters<CarrierPort["createCall"]>[0]) => {
            await carrier.createCall(input);
            throw new Error("worker died after the carrier accepted");
          },
        });
        await placeClaimedCall(db, dying, claim, now).catch(() => undefined);
        return;
      }
      await placeClaimedCall(db, carrier, claim, now);
    });

    const seats = await world.db.$queryRaw<{ scriptId: string; n: bigint }[]>`
      SELECT "scriptId", count(*) AS n FROM "CallTask" WHERE "companyId" = ${world.companyId} AND status IN ('dialing', 'inCall') GROUP BY "scriptId"`;
    const companySeats = seats.reduce((n, s) => n + Number(s.n), 0);
    const maxScript = Math.max(0, ...seats.map((s) => Number(s.n)));
    stats.maxScriptSeats = Math.max(stats.maxScriptSeats, maxScript);
    stats.maxCompanySeats = Math.max(stats.maxCompanySeats, companySeats);
    if (maxScript > company.seatsPerScript || companySeats > company.seatLimit) stats.seatViolations++;
    const mem = process.memoryUsage();
    stats.peakRssMb = Math.max(stats.peakRssMb, mem.rss / 2 ** 20);
    stats.peakHeapMb = Math.max(stats.peakHeapMb, mem.heapUsed / 2 ** 20);
  }
  await Promise.all(clients.map((c) => c.$disconnect()));
  stats.wallSeconds = (performance.now() - started) / 1000;
  return stats;
}
