import type { PrismaClient } from "../../server/db/create-client";
import { clientRefOf } from "../../server/domain/call-tasks/client-ref";
import type { CarrierCall } from "./webhook-attacks";

/** The longest a task may stay dialing/inCall under the rules of docs/dialer.md (LOST_AFTER_MS), plus one tick of slack. */
export const STUCK_AFTER_MS = 5 * 60_000 + 30_000;

export async function inFlightAges(db: PrismaClient, companyId: string): Promise<{ count: number; oldestMs: number; stuck: number }> {
  const [row] = await db.$queryRaw<{ n: bigint; oldest: Date | null; stuck: bigint }[]>`
    SELECT count(*) AS n, min(coalesce("placingAt", "claimedAt")) AS oldest,
           count(*) FILTER (WHERE coalesce("placingAt", "claimedAt") < now() - make_interval(secs => ${STUCK_AFTER_MS / 1000})) AS stuck
    FROM "CallTask" WHERE "companyId" = ${companyId} AND status IN ('dialing', 'inCall')`;
  return { count: Number(row!.n), oldestMs: row!.oldest ? Date.now() - row!.oldest.getTime() : 0, stuck: Number(row!.stuck) };
}

export interface Audit {
  carrierCalls: number;
  /** Carrier calls with no Call row of ours, or whose record the carrier has but we never recorded: must be 0. */
  eventsLost: number;
  callsWithoutRow: number;
  recordsNotRecorded: number;
  /** Calls we closed as "unknown to the carrier" although the carrier knows them. */
  closedAsUnknown: number;
  /** Results applied twice (more than one debit per call) or rows half-written (inCall without its Call row). */
  doubleDebits: number;
  halfWritten: number;
}

export async function audit(db: PrismaClient, companyId: string, carrier: CarrierCall[]): Promise<Audit> {
  const rows = await db.$queryRaw<{ carrierCallId: string | null; taskId: string; attempt: number; outcome: string | null; rawCode: string | null }[]>`
    SELECT "carrierCallId", "taskId", attempt, outcome::text AS outcome, "rawCode" FROM "Call" WHERE "companyId" = ${companyId}`;
  const byRef = new Map(rows.map((r) => [clientRefOf(r.taskId, r.attempt), r]));
  const recorded = new Set(
    (await db.carrierEvent.findMany({ where: { type: "attempt.completed" }, select: { carrierEventId: true } })).map((e) => e.carrierEventId),
  );
  let callsWithoutRow = 0;
  let recordsNotRecorded = 0;
  let closedAsUnknown = 0;
  for (const call of carrier) {
    const row = byRef.get(call.clientRef);
    if (!row) {
      callsWithoutRow++;
      continue;
    }
    if (row.rawCode === "CARRIER_CALL_UNKNOWN") closedAsUnknown++;
    for (const e of call.events) if (e.event_type === "call_record" && !recorded.has(e.event_id)) recordsNotRecorded++;
  }
  const [debits] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (SELECT "callId" FROM "CallBalanceEntry" WHERE "companyId" = ${companyId} AND "callId" IS NOT NULL GROUP BY "callId" HAVING count(*) > 1) d`;
  const [half] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "CallTask" t
    WHERE t."companyId" = ${companyId} AND t.status = 'inCall'
      AND NOT EXISTS (SELECT 1 FROM "Call" c WHERE c."taskId" = t.id AND c.attempt = t.attempt)`;
  return {
    carrierCalls: carrier.length,
    eventsLost: callsWithoutRow + recordsNotRecorded,
    callsWithoutRow,
    recordsNotRecorded,
    closedAsUnknown,
    doubleDebits: Number(debits!.n),
    halfWritten: Number(half!.n),
  };
}
