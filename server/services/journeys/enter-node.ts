import type { PrismaClient, Tx } from "@/server/db/create-client";
import { waitMillis, type JourneyGraph } from "@/server/domain/journey/journey-graph";
import { createJourneyCallTasks } from "@/server/services/dialer/create-journey-call-tasks";

/** A journey as the runner sees it: ids, its clinic, and the current graph. */
export interface RunnableJourney {
  id: string;
  companyId: string;
  clinicId: string;
  timeZone: string;
  graph: JourneyGraph;
}

/** Patients are entered into a node in chunks, each in one transaction, so a crash loses at most one chunk's work. */
export const ENTER_CHUNK = 1000;

/**
 * Puts patients into a node of a run: writes their 旅程名单 entries (once: unique per node, run and patient) and does
 * what the node does — a 智能外呼组件 creates the dial engine's tasks (下发), a wait node sets when they move on, an end
 * node finishes them. Re-entering the same patients (a resumed run) changes nothing.
 */
export async function enterNode(
  db: PrismaClient,
  journey: RunnableJourney,
  nodeId: string | null,
  patientIds: readonly string[],
  runId: string,
  now: Date,
): Promise<EnterTotals> {
  const totals: EnterTotals = { dispatched: 0, failed: 0, scriptIds: [] };
  for (let i = 0; i < patientIds.length; i += ENTER_CHUNK) {
    const chunk = patientIds.slice(i, i + ENTER_CHUNK);
    addTotals(totals, await db.$transaction((tx) => enterNodeTx(tx, journey, nodeId, chunk, runId, now), TX_OPTIONS));
  }
  return totals;
}

/** How many call tasks were created (and failed their checks), and for which scripts (so the dialer can start now). */
export interface EnterTotals {
  dispatched: number;
  failed: number;
  scriptIds: string[];
}

export function addTotals(into: EnterTotals, more: EnterTotals) {
  into.dispatched += more.dispatched;
  into.failed += more.failed;
  for (const id of more.scriptIds) if (!into.scriptIds.includes(id)) into.scriptIds.push(id);
}

export const TX_OPTIONS = { timeout: 120_000, maxWait: 30_000 };

/** enterNode for one chunk, inside the caller's transaction. */
export async function enterNodeTx(
  tx: Tx,
  journey: RunnableJourney,
  nodeId: string | null,
  chunk: readonly string[],
  runId: string,
  now: Date,
): Promise<EnterTotals> {
  const totals: EnterTotals = { dispatched: 0, failed: 0, scriptIds: [] };
  const node = nodeId ? journey.graph.nodes.find((n) => n.id === nodeId) : undefined;
  if (!node || node.kind === "entry" || chunk.length === 0) return totals;
  const entries = { journeyId: journey.id, nodeId: node.id, runId, patientIds: chunk, now };
  if (node.kind === "end") {
    await insertRosterEntries(tx, { ...entries, status: "dispatched", advancedAt: now });
    return totals;
  }
  if (node.kind === "wait") {
    await insertRosterEntries(tx, { ...entries, status: "dispatching", dueAt: new Date(now.getTime() + waitMillis(node.config)) });
    return totals;
  }
  await insertRosterEntries(tx, { ...entries, status: "dispatching" });
  const pending = await tx.journeyRosterEntry.findMany({
    where: { nodeId: node.id, runId, patientId: { in: [...chunk] }, status: "dispatching", callTask: null },
    select: { id: true, patientId: true },
  });
  if (!node.config.scriptId || pending.length === 0) return totals;
  // The dial engine's creation checks decide who is called (FAQ Q7); everything after creation is the dialer's.
  const planned = await createJourneyCallTasks(tx, {
    companyId: journey.companyId,
    scriptId: node.config.scriptId,
    entries: pending.map((e) => ({ rosterEntryId: e.id, patientId: e.patientId })),
    now,
  });
  const results = planned.flatMap((p) => (p.rosterEntryId ? [{ rosterEntryId: p.rosterEntryId, failure: p.failure }] : []));
  const ok = results.filter((r) => !r.failure).map((r) => r.rosterEntryId);
  if (ok.length) await tx.journeyRosterEntry.updateMany({ where: { id: { in: ok } }, data: { status: "dispatched", updatedAt: now } });
  const byReason = new Map<string, string[]>();
  for (const r of results) if (r.failure) byReason.set(r.failure, [...(byReason.get(r.failure) ?? []), r.rosterEntryId]);
  for (const [reason, ids] of byReason) {
    // A patient who fails the check is not called and goes no further in this run (FAQ Q7).
    await tx.journeyRosterEntry.updateMany({
      where: { id: { in: ids } },
      data: { status: "dispatchFailed", failReason: reason, advancedAt: now, updatedAt: now },
    });
  }
  totals.dispatched += ok.length;
  totals.failed += results.length - ok.length;
  if (ok.length) totals.scriptIds.push(node.config.scriptId);
  return totals;
}

/**
 * One INSERT for a chunk of roster entries (Prisma's createMany is several times slower at this size); existing
 * (node, run, patient) entries are left alone, which is what makes re-entering idempotent.
 */
async function insertRosterEntries(
  tx: Tx,
  e: { journeyId: string; nodeId: string; runId: string; patientIds: readonly string[]; now: Date; status: "dispatching" | "dispatched"; dueAt?: Date; advancedAt?: Date },
) {
  await tx.$executeRaw`
    INSERT INTO "JourneyRosterEntry" (id, "journeyId", "nodeId", "runId", "patientId", status, "enteredAt", "updatedAt", "dueAt", "advancedAt")
    SELECT gen_random_uuid()::text, ${e.journeyId}, ${e.nodeId}, ${e.runId}, pid, ${e.status}::"RosterStatus", ${e.now}, ${e.now},
           ${e.dueAt ?? null}::timestamp, ${e.advancedAt ?? null}::timestamp
    FROM unnest(${[...e.patientIds]}::text[]) AS pid
    ON CONFLICT ("nodeId", "runId", "patientId") DO NOTHING`;
}
