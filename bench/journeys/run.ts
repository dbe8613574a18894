/**
 * Journeys bench: `npx tsx bench/journeys/run.ts [--patients=100000] [--dispatch=10000] [--repeat=5]`.
 * A fresh database (BENCH_JOURNEYS_DATABASE_URL, default zw_bench_journeys on the local server) with one company of
 * 100k patients, built by a child process so the figures below are this process's alone (`--reuse` keeps the last
 * run's world). Prints the evaluation time of every segment condition and of a combined segment (median of `repeat`
 * count queries, plus listing the ids as a run does), then one scheduled run of a published journey that dispatches
 * the 10k patients of "明天有预约 at clinic 0": wall time, call tasks created per second, peak RSS. A second request
 * for the same instant shows the idempotency check's cost.
 */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "../../server/db/create-client";
import { advanceDueJourneyEntries } from "../../server/services/journeys/advance-journeys";
import { segmentDefinition, type SegmentDefinitionInput } from "../../server/domain/segments/segment-definition";
import { countSegmentPatients, listSegmentPatientIds } from "../../server/services/segments/evaluate-segment";
import { runJourney } from "../../server/services/journeys/run-journey";
import { setupJourneyWorld } from "./setup-world";

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const patients = Number(arg("patients", "100000"));
const dispatch = Number(arg("dispatch", "10000"));
const repeat = Number(arg("repeat", "5"));
const url = process.env.BENCH_JOURNEYS_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/zw_bench_journeys";
const log = (line: string) => console.error(`· ${line}`);
// 09:00 on a Wednesday in Shanghai; the run is the 10:00 slot.
const NOW = new Date("2026-03-04T01:00:00Z");
const SLOT = new Date("2026-03-04T02:00:00Z");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  if (process.argv.includes("--setup-only")) {
    const world = await setupJourneyWorld(url, patients, dispatch, NOW);
    await world.db.$disconnect();
    return;
  }
  if (!process.argv.includes("--reuse")) {
    log(`preparing ${patients} patients in a child process…`);
    const t0 = performance.now();
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, "--setup-only", `--patients=${patients}`, `--dispatch=${dispatch}`], {
      stdio: "inherit",
    });
    if (child.status !== 0) throw new Error("setup failed");
    log(`world ready in ${Math.round((performance.now() - t0) / 1000)} s`);
  }
  const db = createPrismaClient(url);
  const company = await db.company.findFirstOrThrow({ where: { name: "旅程压测口腔" }, select: { id: true } });
  const companyId = company.id;
  const clinicIds = (await db.clinic.findMany({ where: { companyId }, orderBy: { name: "asc" }, select: { id: true } })).map((c) => c.id);
  const consultantIds = (await db.user.findMany({ where: { companyId }, orderBy: { name: "asc" }, select: { id: true } })).map((u) => u.id);
  const script = await db.script.findFirstOrThrow({ where: { companyId, name: "压测预约提醒" }, select: { id: true } });
  // A reused world: forget the last run's journey and its tasks.
  await db.journey.deleteMany({ where: { companyId } });
  await db.segment.deleteMany({ where: { companyId } });
  await db.callTask.deleteMany({ where: { companyId } });
  const scope = { companyId, clinicIds };
  const clock = { now: NOW, timeZone: "Asia/Shanghai" };

  const cases: [string, SegmentDefinitionInput][] = [
    ["明天有预约", { conditions: [{ kind: "appointment", window: "tomorrow" }] }],
    ["7 天内有预约（指定门店）", { conditions: [{ kind: "appointment", window: "withinDays", days: 7, clinicIds: [clinicIds[0]!] }] }],
    ["最近到访早于 180 天前", { conditions: [{ kind: "lastVisitBefore", daysAgo: 180 }] }],
    ["最近到访早于 2025-06-01", { conditions: [{ kind: "lastVisitBefore", date: "2025-06-01" }] }],
    ["30 天内有划扣", { conditions: [{ kind: "deductionWithin", days: 30 }] }],
    ["30 天内有权益到期", { conditions: [{ kind: "benefitExpiring", days: 30 }] }],
    ["标签含任一（正畸、种植）", { conditions: [{ kind: "tags", tags: ["正畸意向", "种植意向"], match: "any" }] }],
    ["标签含全部（洁牙、会员）", { conditions: [{ kind: "tags", tags: ["洁牙", "会员"], match: "all" }] }],
    ["咨询师（3 位）", { conditions: [{ kind: "consultant", consultantIds: consultantIds.slice(0, 3) }] }],
    ["门店", { conditions: [{ kind: "clinic", clinicIds: [clinicIds[1]!] }] }],
    ["有本人手机号", { conditions: [{ kind: "ownMobile", value: true }] }],
    [
      "组合：明天有预约 且 本人手机号 且 标签任一 且 30 天内有划扣",
      {
        conditions: [
          { kind: "appointment", window: "tomorrow" },
          { kind: "ownMobile", value: true },
          { kind: "tags", tags: ["洁牙", "会员", "儿童"], match: "any" },
          { kind: "deductionWithin", days: 30 },
        ],
      },
    ],
    [
      "组合（或）：180 天未到访 或 30 天内权益到期 或 种植意向",
      {
        match: "any",
        conditions: [
          { kind: "lastVisitBefore", daysAgo: 180 },
          { kind: "benefitExpiring", days: 30 },
          { kind: "tags", tags: ["种植意向"] },
        ],
      },
    ],
  ];

  const rows: Record<string, string | number>[] = [];
  for (const [name, input] of cases) {
    const def = segmentDefinition.parse(input);
    const countMs: number[] = [];
    let n = 0;
    for (let i = 0; i < repeat; i++) {
      const s = performance.now();
      n = await countSegmentPatients(db, scope, def, clock);
      countMs.push(performance.now() - s);
    }
    const s = performance.now();
    const ids = await listSegmentPatientIds(db, scope, def, clock);
    const listMs = performance.now() - s;
    if (ids.length !== n) throw new Error(`${name}: count ${n} but listed ${ids.length}`);
    rows.push({ condition: name, patients: n, "count median ms": median(countMs).toFixed(1), "list ids ms": listMs.toFixed(1) });
  }
  console.log(`\nSegment evaluation over ${patients} patients (median of ${repeat}):`);
  console.table(rows);

  // A published journey: 明天有预约 → 智能外呼 → 结束, run for one instant at clinic 0.
  const segment = await db.segment.create({ data: { companyId, name: "预约明天到店的客户", conditions: { match: "all", conditions: [{ kind: "appointment", window: "tomorrow", clinicIds: [] }] } } });
  const journey = await db.journey.create({ data: { companyId, clinicId: clinicIds[0]!, name: "压测预约提醒", status: "published", publishedAt: NOW } });
  const [entry, call, end] = await Promise.all([
    db.journeyNode.create({ data: { journeyId: journey.id, kind: "entry", config: { segmentId: segment.id, schedule: { kind: "daily", time: "10:00" } } } }),
    db.journeyNode.create({ data: { journeyId: journey.id, kind: "outbound", positionX: 300, config: { scriptId: script.id, intentBranches: { enabled: false, branches: [] } } } }),
    db.journeyNode.create({ data: { journeyId: journey.id, kind: "end", positionX: 600, config: {} } }),
  ]);
  await db.journeyEdge.createMany({
    data: [
      { journeyId: journey.id, sourceNodeId: entry.id, targetNodeId: call.id },
      { journeyId: journey.id, sourceNodeId: call.id, targetNodeId: end.id },
    ],
  });

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const result = await runJourney(db, { journeyId: journey.id, scheduledFor: SLOT }, new Date(SLOT.getTime() + 60_000));
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  if (result.status !== "ran") throw new Error(`run did not happen: ${JSON.stringify(result)}`);
  const again = performance.now();
  const second = await runJourney(db, { journeyId: journey.id, scheduledFor: SLOT }, new Date(SLOT.getTime() + 120_000));
  const againMs = performance.now() - again;
  const [tasks, roster] = await Promise.all([
    db.callTask.count({ where: { companyId, source: "journey" } }),
    db.journeyRosterEntry.count({ where: { journeyId: journey.id } }),
  ]);

  // The minute sweep: once with nothing to do, then moving every patient on after their calls ended.
  const idle = performance.now();
  const none = await advanceDueJourneyEntries(db, new Date(SLOT.getTime() + 5 * 60_000));
  const idleMs = performance.now() - idle;
  await db.callTask.updateMany({ where: { companyId, status: "pending" }, data: { status: "ended", intent: "confirmed", finishedAt: SLOT } });
  const sweep = performance.now();
  let moved = 0;
  let sweeps = 0;
  for (;;) {
    const r = await advanceDueJourneyEntries(db, new Date(SLOT.getTime() + 60 * 60_000));
    if (r.advanced === 0) break;
    moved += r.advanced;
    sweeps += 1;
  }
  const sweepMs = performance.now() - sweep;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  console.log(`\nOne scheduled run (${SLOT.toISOString()}, clinic 0), then the sweep that moves patients on:`);
  console.table([
    {
      entered: result.entered,
      "tasks created": result.dispatched,
      "dispatch failed": result.failed,
      "call tasks in db": tasks,
      "roster entries": roster,
      "run wall s": (wallMs / 1000).toFixed(2),
      "tasks/s": Math.round(result.dispatched / (wallMs / 1000)),
      "RSS before MB": Math.round(rssBefore / 2 ** 20),
      "peak RSS MB": Math.round(peakRss / 2 ** 20),
      "repeat request": `${second.status}${second.status === "skipped" ? `:${second.reason}` : ""} in ${againMs.toFixed(1)} ms`,
      "idle sweep ms": `${idleMs.toFixed(1)} (${none.advanced} moved)`,
      "patients moved on": `${moved} in ${sweeps} sweeps, ${(sweepMs / 1000).toFixed(2)} s`,
    },
  ]);
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
