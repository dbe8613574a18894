import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/server/db/create-client";
import { nextNodeId } from "@/server/domain/journey/journey-graph";
import { parseStoredDefinition } from "@/server/domain/segments/segment-definition";
import { listSegmentPatientIds } from "@/server/services/segments/evaluate-segment";
import { enterNode } from "./enter-node";
import { loadRunnableJourney } from "./load-runnable-journey";

export type RunJourneyResult =
  | { status: "skipped"; reason: "notFound" | "notPublished" | "alreadyRan" }
  | { status: "ran"; runId: string; companyId: string; entered: number; dispatched: number; failed: number; scriptIds: string[]; resumed: boolean };

/**
 * One scheduled run: evaluates the entry segment as of `scheduledFor` (so "明天" means the same day however late the run
 * starts) and puts the patients into the first node. The JourneyRun row, unique per journey and instant, is the claim:
 * a run that already finished is never done again; an unfinished one (the process died) is resumed, and resuming adds
 * nobody twice because roster entries and call tasks are unique per node, run and patient.
 */
export async function runJourney(db: PrismaClient, input: { journeyId: string; scheduledFor: Date }, now: Date): Promise<RunJourneyResult> {
  const loaded = await loadRunnableJourney(db, input.journeyId);
  if (!loaded) return { status: "skipped", reason: "notFound" };
  const { journey, runnable } = loaded;
  if (journey.status !== "published") return { status: "skipped", reason: "notPublished" };

  const inserted = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "JourneyRun" (id, "journeyId", "scheduledFor", "startedAt", entered)
    VALUES (${randomUUID()}, ${journey.id}, ${input.scheduledFor}, ${now}, 0)
    ON CONFLICT ("journeyId", "scheduledFor") DO NOTHING
    RETURNING id`;
  const resumed = inserted.length === 0;
  const run = inserted[0] ?? (await db.journeyRun.findUniqueOrThrow({ where: { journeyId_scheduledFor: { journeyId: journey.id, scheduledFor: input.scheduledFor } } }));
  if (resumed) {
    const existing = await db.journeyRun.findUniqueOrThrow({ where: { id: run.id }, select: { finishedAt: true } });
    if (existing.finishedAt) return { status: "skipped", reason: "alreadyRan" };
  }

  const entry = runnable.graph.nodes.find((n) => n.kind === "entry");
  const segmentId = entry?.kind === "entry" ? entry.config.segmentId : null;
  const segment = segmentId ? await db.segment.findFirst({ where: { id: segmentId, companyId: journey.companyId } }) : null;
  const definition = segment ? parseStoredDefinition(segment.conditions) : null;

  let patientIds: string[] = [];
  if (definition && entry) {
    patientIds = await listSegmentPatientIds(
      db,
      { companyId: journey.companyId, clinicIds: [runnable.clinicId] },
      definition,
      { now: input.scheduledFor, timeZone: runnable.timeZone },
    );
  }
  const first = entry ? nextNodeId(runnable.graph, entry.id, null) : null;
  const totals = await enterNode(db, runnable, first, patientIds, run.id, now);
  await db.journeyRun.update({ where: { id: run.id }, data: { entered: patientIds.length, finishedAt: now } });
  return { status: "ran", runId: run.id, companyId: journey.companyId, entered: patientIds.length, ...totals, resumed };
}
