/**
 * The demo's last 60 days, on top of seedDemo (used by `scripts/dev.sh`, `npm run demo`, `npm run db:seed` and the
 * first-look e2e database — not by the other tests, which keep their fast, empty call history):
 * - company A: scripts of every kind, batch calls and two published journeys run day by day through the product's own
 *   services (startBatchCall, runJourney, the journeys' advance sweep), each task dialed by dialDemoTasks (calling
 *   policy, carrier simulator model, intent classifier, redials, hang-up SMS, ledgers), then the scripts paused/stopped
 *   through changeScriptStatus at their moment;
 * - company B: qualification submitted and waiting in the platform's review queue.
 * Idempotent: skipped when company A already has scripts.
 */
import { getStorage } from "../../../server/adapters/storage";
import type { ObjectStorage } from "../../../server/ports/storage";
import { startBatchCall } from "../../../server/services/dialer/batch/start-batch-call";
import { advanceDueJourneyEntries } from "../../../server/services/journeys/advance-journeys";
import { runJourney } from "../../../server/services/journeys/run-journey";
import { recountCallTotals } from "../../../server/services/metrics/recount-call-totals";
import { recountOutcomes } from "../../../server/services/outcomes/credit-outcomes";
import { changeScriptStatus } from "../../../server/services/scripts/change-script-status";
import type { PrismaClient } from "../db";
import { COMPANY_A } from "../presets";
import { rngFor, sample } from "../random";
import { atShanghai } from "../time";
import { loadDemoActor } from "./demo-actor";
import { createDemoJourneys } from "./demo-journeys";
import { seedApprovedDocuments, seedDemoReviewQueue } from "./demo-review-queue";
import { seedDemoCallbacks } from "./demo-callbacks";
import { seedDemoIntentReview } from "./demo-intent-review";
import { seedDemoOutcomes } from "./demo-outcomes";
import { createDemoScripts } from "./demo-scripts";
import { loadDialContext } from "./dial-context";
import { dialDemoTasks, type DialSummary } from "./dial-demo-tasks";
import { LIFECYCLE_HOUR, LIFECYCLE_MINUTE, PAUSED_DAYS_AGO, planDemoBatches, STOPPED_DAYS_AGO } from "./plan-demo-batches";

export interface SeedDemoHistoryResult {
  skipped: boolean;
  scripts: number;
  batches: number;
  journeyRuns: number;
  tasks: number;
  calls: number;
  answered: number;
  intercepted: number;
  ms: number;
}

type Event = { at: Date; kind: string; run: () => Promise<void> };

export async function seedDemoHistory(db: PrismaClient, now: Date = new Date(), deps: { storage?: ObjectStorage } = {}): Promise<SeedDemoHistoryResult> {
  const started = performance.now();
  const company = await db.company.findFirstOrThrow({ where: { name: COMPANY_A.name }, select: { id: true } });
  const done = { skipped: true, scripts: 0, batches: 0, journeyRuns: 0, tasks: 0, calls: 0, answered: 0, intercepted: 0 };
  if ((await db.script.count({ where: { companyId: company.id } })) > 0) return { ...done, ms: Math.round(performance.now() - started) };

  const actor = await loadDemoActor(db, company.id);
  const scripts = await createDemoScripts(db, actor, now);
  const journeys = await createDemoJourneys(db, actor, scripts, now);
  const ctx = await loadDialContext(db, company.id);
  const totals: DialSummary = { dialed: 0, calls: 0, answered: 0, intercepted: 0, failed: 0, leftPending: 0 };
  const add = (s: DialSummary) => {
    for (const k of Object.keys(totals) as (keyof DialSummary)[]) totals[k] += s[k];
  };

  // Staff pick patients they can call; now and then one without a mobile of their own or a 病历 slips in (失败原因).
  const candidates = await db.patient.findMany({
    where: { companyId: company.id, clinicId: { in: actor.openedClinicIds } },
    select: { id: true, mobile: true, hasOwnMobile: true, registered: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const callable = candidates.filter((p) => p.mobile && p.hasOwnMobile && p.registered);
  const uncallable = candidates.filter((p) => !(p.mobile && p.hasOwnMobile && p.registered));
  const rng = rngFor("demo-history:patients");
  const pausedAt = atShanghai(now, -PAUSED_DAYS_AGO, LIFECYCLE_HOUR, LIFECYCLE_MINUTE);
  const stoppedAt = atShanghai(now, -STOPPED_DAYS_AGO, LIFECYCLE_HOUR, LIFECYCLE_MINUTE);
  const cutoffOf = (key: string) => (key === "reactivation" ? pausedAt : key === "kids" ? stoppedAt : now);

  const events: Event[] = [];
  const batches = planDemoBatches(now);
  for (const b of batches) {
    events.push({
      at: b.at,
      kind: "batch",
      run: async () => {
        const slips = Math.min(uncallable.length, Math.round(b.size * 0.03));
        const picked = [...sample(rng, callable, Math.min(b.size - slips, callable.length)), ...sample(rng, uncallable, slips)].map((p) => p.id);
        const result = await startBatchCall(db, actor.scope, actor.viewer, { scriptId: scripts[b.script].id, patientIds: picked }, b.at);
        const tasks = await db.callTask.findMany({ where: { batchId: result.batchId }, select: { id: true } });
        done.tasks += tasks.length;
        const cutoff = cutoffOf(b.script);
        add(await dialDemoTasks(db, ctx, tasks.map((t) => t.id), new Date(b.at.getTime() + 30_000), cutoff < now ? cutoff : now));
      },
    });
  }
  for (const j of journeys) {
    for (let daysAgo = j.publishedDaysAgo - 1; daysAgo >= 0; daysAgo--) {
      const slot = atShanghai(now, -daysAgo, j.hour, j.minute);
      if (slot > now) break;
      events.push({
        at: slot,
        kind: "journeyRun",
        run: async () => {
          await advanceDueJourneyEntries(db, slot);
          const result = await runJourney(db, { journeyId: j.id, scheduledFor: slot }, slot);
          if (result.status !== "ran") return;
          done.journeyRuns += 1;
          const tasks = await db.callTask.findMany({ where: { rosterEntry: { runId: result.runId } }, select: { id: true } });
          done.tasks += tasks.length;
          add(await dialDemoTasks(db, ctx, tasks.map((t) => t.id), new Date(slot.getTime() + 60_000), now));
        },
      });
    }
  }
  events.push({
    at: stoppedAt,
    kind: "lifecycle",
    run: async () => void (await changeScriptStatus(db, actor.scope, actor.viewer, "stop", { id: scripts.kids.id }, stoppedAt)),
  });
  events.push({
    at: pausedAt,
    kind: "lifecycle",
    run: async () => void (await changeScriptStatus(db, actor.scope, actor.viewer, "pause", { id: scripts.reactivation.id }, pausedAt)),
  });

  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  const timing = new Map<string, number>();
  for (const e of events) {
    const t = performance.now();
    await e.run();
    timing.set(e.kind, (timing.get(e.kind) ?? 0) + performance.now() - t);
  }
  if (process.env.DEMO_HISTORY_TIMING) console.log("demo history timing (ms):", Object.fromEntries([...timing].map(([k, v]) => [k, Math.round(v)])));
  await advanceDueJourneyEntries(db, now);
  const review = await seedDemoIntentReview(db, company.id, scripts);
  await seedDemoCallbacks(db, company.id, scripts, [review.complaintCallId, review.optOutCallId], now);
  await seedDemoOutcomes(db, company.id, scripts, now);
  await backdateAudit(db, company.id, now);
  // The dial results above were written in bulk, not through the transitions: rebuild the running totals (docs/metrics.md).
  await recountCallTotals(db, company.id);
  // 效果分析: the bookings above and the chain's own were written before (or beside) their calls, directly: credit them
  // all with the write path's recreditPatients (recountOutcomes runs it for every booked patient, docs/outcomes.md).
  await recountOutcomes(db, company.id);
  await seedDemoReviewQueue(db, deps.storage ?? getStorage(), now);
  await seedApprovedDocuments(db, deps.storage ?? getStorage(), company.id, COMPANY_A.name);

  return {
    skipped: false,
    scripts: Object.keys(scripts).length,
    batches: batches.length,
    journeyRuns: done.journeyRuns,
    tasks: done.tasks,
    calls: totals.calls,
    answered: totals.answered,
    intercepted: totals.intercepted,
    ms: Math.round(performance.now() - started),
  };
}

/** The services stamp their audit entries with the wall clock; the history's entries belong to the moment they record. */
async function backdateAudit(db: PrismaClient, companyId: string, now: Date) {
  await db.$executeRaw`
    UPDATE "AuditLog" a SET "createdAt" = b."createdAt"
    FROM "CallBatch" b
    WHERE a."companyId" = ${companyId} AND a.action = 'outbound.batch.start' AND a.data->>'batchId' = b.id AND a."createdAt" > ${now}`;
}
