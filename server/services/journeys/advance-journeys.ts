import type { PrismaClient } from "@/server/db/create-client";
import { routeIntent } from "@/server/domain/journey/intent-branches";
import { nextNodeId } from "@/server/domain/journey/journey-graph";
import { addTotals, ENTER_CHUNK, enterNodeTx, TX_OPTIONS, type EnterTotals, type RunnableJourney } from "./enter-node";
import { loadRunnableJourney } from "./load-runnable-journey";

/** Call task statuses after which the patient moves on (a pending redial is not an end). */
const FINAL_TASK_STATUSES = ["ended", "intercepted", "cancelled", "failed"] as const;
const SWEEP_LIMIT = 5000;
/**
 * An ended call's intent is classified just after the task ends (a separate step of the call-ended pipeline). The sweep
 * waits for it, and only after this long routes an ended task that still has none (to 【默认为空】).
 */
export const CLASSIFY_GRACE_MS = 10 * 60_000;

type Ready = { id: string; journeyId: string; nodeId: string; runId: string | null; patientId: string; intent: string | null };

/**
 * Hook for the call-ended pipeline, to call after the intent has been classified: once the task of a journey's
 * 智能外呼组件 is final, its patient follows the intent branch the call was classified into (or the node's single
 * edge). Safe to call more than once, or for a task that is not a journey's (does nothing). The scheduler's sweep
 * (advanceDueJourneyEntries) moves anyone the hook missed.
 */
export async function advanceJourneyAfterCall(db: PrismaClient, callTaskId: string, now = new Date()) {
  const rows = await db.$queryRaw<Ready[]>`
    SELECT r.id, r."journeyId", r."nodeId", r."runId", r."patientId", t.intent
    FROM "CallTask" t
    JOIN "JourneyRosterEntry" r ON r.id = t."rosterEntryId"
    JOIN "Journey" j ON j.id = r."journeyId"
    WHERE t.id = ${callTaskId} AND r."advancedAt" IS NULL AND j.status = 'published'
      AND t.status::text = ANY(${[...FINAL_TASK_STATUSES]}::text[])`;
  return advanceEntries(db, rows, now);
}

/**
 * The sweep the scheduler runs every minute: patients whose wait is over, and patients whose call task is final but
 * who have not moved on (the hook was missed, or the journey was paused meanwhile). Paused journeys hold their patients.
 */
export async function advanceDueJourneyEntries(db: PrismaClient, now: Date) {
  const [waits, calls] = await Promise.all([
    db.$queryRaw<Ready[]>`
      SELECT r.id, r."journeyId", r."nodeId", r."runId", r."patientId", NULL::text AS intent
      FROM "JourneyRosterEntry" r JOIN "Journey" j ON j.id = r."journeyId"
      WHERE r."dueAt" <= ${now} AND r."advancedAt" IS NULL AND j.status = 'published'
      ORDER BY r."dueAt" LIMIT ${SWEEP_LIMIT}`,
    db.$queryRaw<Ready[]>`
      SELECT r.id, r."journeyId", r."nodeId", r."runId", r."patientId", t.intent
      FROM "JourneyRosterEntry" r
      JOIN "CallTask" t ON t."rosterEntryId" = r.id
      JOIN "Journey" j ON j.id = r."journeyId"
      WHERE r.status = 'dispatched' AND r."advancedAt" IS NULL AND j.status = 'published'
        AND t.status::text = ANY(${[...FINAL_TASK_STATUSES]}::text[])
        AND (t.status <> 'ended' OR t.intent IS NOT NULL OR t."finishedAt" < ${new Date(now.getTime() - CLASSIFY_GRACE_MS)})
      LIMIT ${SWEEP_LIMIT}`,
  ]);
  return advanceEntries(db, [...waits, ...calls], now);
}

export interface AdvanceResult {
  advanced: number;
  /** Call tasks created where patients reached a 智能外呼组件: the companies and scripts the dialer should look at. */
  dispatches: { companyId: string; scriptId: string }[];
}

async function advanceEntries(db: PrismaClient, entries: Ready[], now: Date): Promise<AdvanceResult> {
  let advanced = 0;
  const dispatches: AdvanceResult["dispatches"] = [];
  const byJourney = new Map<string, Ready[]>();
  for (const e of entries) byJourney.set(e.journeyId, [...(byJourney.get(e.journeyId) ?? []), e]);
  for (const [journeyId, list] of byJourney) {
    const loaded = await loadRunnableJourney(db, journeyId);
    if (!loaded) continue;
    const r = await advanceInJourney(db, loaded.runnable, list, now);
    advanced += r.advanced;
    for (const scriptId of r.totals.scriptIds) dispatches.push({ companyId: loaded.runnable.companyId, scriptId });
  }
  return { advanced, dispatches };
}

async function advanceInJourney(db: PrismaClient, journey: RunnableJourney, entries: Ready[], now: Date) {
  const moves = new Map<string, { entryIds: string[]; branchKey: string | null; intent: string | null; next: string | null; runId: string | null; patientIds: string[] }>();
  for (const e of entries) {
    const node = journey.graph.nodes.find((n) => n.id === e.nodeId);
    if (!node) continue;
    const branchKey = node.kind === "outbound" ? routeIntent(node.config.intentBranches, e.intent) : null;
    const next = nextNodeId(journey.graph, node.id, branchKey);
    const key = `${node.id}|${branchKey}|${e.intent}|${e.runId}`;
    const move = moves.get(key) ?? { entryIds: [], branchKey, intent: node.kind === "outbound" ? e.intent : null, next, runId: e.runId, patientIds: [] };
    move.entryIds.push(e.id);
    move.patientIds.push(e.patientId);
    moves.set(key, move);
  }
  let advanced = 0;
  const totals: EnterTotals = { dispatched: 0, failed: 0, scriptIds: [] };
  for (const move of moves.values()) {
    for (let i = 0; i < move.entryIds.length; i += ENTER_CHUNK) {
      const ids = move.entryIds.slice(i, i + ENTER_CHUNK);
      advanced += await db.$transaction(async (tx) => {
        // Claim first, in the same transaction as entering the next node: only entries this call marks as advanced
        // move on, so two sweepers never move a patient twice and a crash never loses one.
        const claimed = await tx.$queryRaw<{ patientId: string }[]>`
          UPDATE "JourneyRosterEntry"
          SET "advancedAt" = ${now}, "branchKey" = ${move.branchKey}, intent = ${move.intent}, "updatedAt" = ${now},
              status = CASE WHEN "dueAt" IS NOT NULL THEN 'dispatched'::"RosterStatus" ELSE status END
          WHERE id = ANY(${ids}::text[]) AND "advancedAt" IS NULL
          RETURNING "patientId"`;
        if (move.next && move.runId && claimed.length) {
          addTotals(totals, await enterNodeTx(tx, journey, move.next, claimed.map((c) => c.patientId), move.runId, now));
        }
        return claimed.length;
      }, TX_OPTIONS);
    }
  }
  return { advanced, totals };
}
