import type { Tx } from "@/server/db/create-client";
import { graphFromRows } from "@/server/domain/journey/journey-graph";
import { loadGraphRows } from "./find-journey";
import type { RunnableJourney } from "./enter-node";

/** For jobs (no viewer): the journey with its clinic's zone and current graph, or null when it has no clinic. */
export async function loadRunnableJourney(db: Tx, journeyId: string) {
  const journey = await db.journey.findUnique({
    where: { id: journeyId },
    include: { clinic: { select: { id: true, timezone: true } } },
  });
  if (!journey?.clinic) return null;
  const rows = await loadGraphRows(db, journey.id);
  const runnable: RunnableJourney = {
    id: journey.id,
    companyId: journey.companyId,
    clinicId: journey.clinic.id,
    timeZone: journey.clinic.timezone,
    graph: graphFromRows(rows.nodes, rows.edges),
  };
  return { journey, runnable };
}
