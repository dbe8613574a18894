import type { Tx } from "@/server/db/create-client";
import { entryConfig } from "@/server/domain/journey/journey-graph";
import { dueSlot } from "@/server/domain/journey/journey-schedule";

/** An unfinished run younger than this is still being worked on by some process; only an older one is resumed. */
export const STALE_RUN_MS = 5 * 60_000;

/**
 * Published journeys with a scheduled instant due now, in each clinic's own zone. Only the latest missed instant is due
 * (after downtime a journey runs once, not once per missed day), and never one before the journey was published or
 * resumed, nor one at or before its last run.
 */
export async function findDueJourneyRuns(db: Tx, now: Date): Promise<{ journeyId: string; scheduledFor: Date }[]> {
  const journeys = await db.journey.findMany({
    where: { status: "published", clinicId: { not: null } },
    select: {
      id: true,
      publishedAt: true,
      clinic: { select: { timezone: true } },
      nodes: { where: { kind: "entry" }, select: { config: true }, take: 1 },
      runs: { orderBy: { scheduledFor: "desc" }, take: 1, select: { scheduledFor: true, startedAt: true, finishedAt: true } },
    },
  });
  const due: { journeyId: string; scheduledFor: Date }[] = [];
  for (const j of journeys) {
    const schedule = entryConfig.safeParse(j.nodes[0]?.config).data?.schedule;
    if (!schedule || !j.clinic) continue;
    const last = j.runs[0];
    // An unfinished last run is due again (resumed) once it is stale — its process died; a fresh one is left to the
    // process running it. A finished one moves the floor past it.
    if (last && !last.finishedAt) {
      if (now.getTime() - last.startedAt.getTime() >= STALE_RUN_MS) due.push({ journeyId: j.id, scheduledFor: last.scheduledFor });
      continue;
    }
    const floors = [j.publishedAt ?? now, last ? new Date(last.scheduledFor.getTime() + 1) : new Date(0)];
    const notBefore = new Date(Math.max(...floors.map((d) => d.getTime())));
    const slot = dueSlot(schedule, j.clinic.timezone, now, notBefore);
    if (slot) due.push({ journeyId: j.id, scheduledFor: slot });
  }
  return due;
}
