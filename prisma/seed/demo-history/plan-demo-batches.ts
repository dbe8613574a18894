/**
 * When the demo's staff launched batch calls over the last 60 days, for which script and how many patients — pure and
 * deterministic. Batches grow week over week (the clinic chain is calling more), and the running script has a batch
 * launched shortly before `now`, so a demo opened at any hour has work in progress or waiting for the calling window.
 */
import { randInt, rngFor } from "../random";
import { atShanghai, MINUTE_MS } from "../time";
import type { DemoScriptKey } from "./demo-scripts";

export interface PlannedBatch {
  script: DemoScriptKey;
  at: Date;
  size: number;
}

interface Cadence {
  script: DemoScriptKey;
  firstDaysAgo: number;
  everyDays: number;
  /** The last day a batch may be launched (days ago), e.g. the day before the script was paused. */
  lastDaysAgo: number;
  size: number;
}

const CADENCES: readonly Cadence[] = [
  { script: "implant", firstDaysAgo: 57, everyDays: 6, lastDaysAgo: 1, size: 70 },
  { script: "survey", firstDaysAgo: 56, everyDays: 4, lastDaysAgo: 1, size: 40 },
  { script: "reactivation", firstDaysAgo: 49, everyDays: 6, lastDaysAgo: 13, size: 60 },
  // 52, 45, 38, 31: the last batch falls on the day of the stop (54 stepped by 7 never reached it, so nothing waited).
  { script: "kids", firstDaysAgo: 52, everyDays: 7, lastDaysAgo: 31, size: 50 },
  { script: "recall", firstDaysAgo: 39, everyDays: 7, lastDaysAgo: 1, size: 60 },
];

/** 暂停 / 停用 of the demo's paused and stopped scripts, in days before now (at 19:55 Shanghai). */
export const PAUSED_DAYS_AGO = 13;
export const STOPPED_DAYS_AGO = 31;
export const LIFECYCLE_HOUR = 19;
export const LIFECYCLE_MINUTE = 55;

/** Growth of batch sizes over the 60 days: 0.7× at the start, 1.3× today. */
export function growth(daysAgo: number): number {
  return 0.7 + (0.6 * (60 - daysAgo)) / 60;
}

export function planDemoBatches(now: Date): PlannedBatch[] {
  const rng = rngFor("demo-history:batches");
  const batches: PlannedBatch[] = [];
  for (const c of CADENCES) {
    for (let daysAgo = c.firstDaysAgo; daysAgo >= c.lastDaysAgo; daysAgo -= c.everyDays) {
      // The last batch before a pause or stop goes out late, so some of it is still waiting when the script changes.
      const late = daysAgo === c.lastDaysAgo && (c.script === "reactivation" || c.script === "kids");
      const at = late ? atShanghai(now, -daysAgo, 19, 45) : atShanghai(now, -daysAgo, randInt(rng, 9, 15), randInt(rng, 0, 59));
      const size = Math.round(c.size * growth(daysAgo) * (0.85 + rng() * 0.3));
      batches.push({ script: c.script, at, size });
    }
  }
  // Today's batch of the running script, launched 20 minutes ago: in the window it is being dialed, outside it waits.
  batches.push({ script: "implant", at: new Date(now.getTime() - 20 * MINUTE_MS), size: Math.round(70 * growth(0)) });
  return batches.sort((a, b) => a.at.getTime() - b.at.getTime());
}
