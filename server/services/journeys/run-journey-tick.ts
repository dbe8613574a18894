import type { PrismaClient } from "@/server/db/create-client";
import { advanceDueJourneyEntries } from "./advance-journeys";
import { findDueJourneyRuns } from "./find-due-journey-runs";
import { runJourney, type RunJourneyResult } from "./run-journey";

/** One scheduler tick done in-process: every due run, then every patient due to move on. */
export async function runJourneyTick(db: PrismaClient, now: Date) {
  const runs: (RunJourneyResult & { journeyId: string })[] = [];
  for (const due of await findDueJourneyRuns(db, now)) {
    runs.push({ journeyId: due.journeyId, ...(await runJourney(db, due, now)) });
  }
  const { advanced, dispatches } = await advanceDueJourneyEntries(db, now);
  return { runs, advanced, dispatches };
}
