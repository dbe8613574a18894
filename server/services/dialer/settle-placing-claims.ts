import type { PrismaClient } from "@/server/db/create-client";
import { clientRefOf } from "@/server/domain/call-tasks/client-ref";
import { Prisma } from "@/server/generated/prisma/client";
import type { CarrierPort } from "@/server/ports/carrier";
import { releaseClaims, withCallRows, type Consultants, type TaskRef } from "./call-rows";

/** A claim sent to the carrier (placingAt) without a Call row this long is asked about by clientRef. */
export const PLACING_UNSETTLED_MS = 3 * 60_000;
const BATCH = 200;

type PlacingRow = TaskRef & Consultants & { attempt: number; claimedBy: string; placingAt: Date };

/**
 * A placement whose answer we never stored — the process died, or the database was down, between the carrier accepting
 * and our Call row — is settled by asking the carrier for the call our clientRef made: known → the Call row is written
 * and the task is `inCall` (its result then comes by webhook or reconciliation as for any call); unknown → the carrier
 * never accepted it (our create times out after 10 s, long before this), so the claim goes back to pending with the same
 * attempt. Every write is guarded by the claim as it was read, and goes through the one writer (call-rows.ts), so an
 * adopted call counts in the running totals exactly as a placed one (呼叫数 +1, 待呼 −1). Carriers without the lookup
 * leave it to recoverStaleClaims.
 */
export async function settlePlacingClaims(db: PrismaClient, carrier: CarrierPort, now: Date, companyId?: string): Promise<{ adopted: number; released: number }> {
  const result = { adopted: 0, released: 0 };
  if (!carrier.findCallByClientRef) return result;
  const cutoff = new Date(now.getTime() - PLACING_UNSETTLED_MS);
  const rows = await db.$queryRaw<PlacingRow[]>`
    SELECT t.id, t."companyId", t."clinicId", t."scriptId", t."patientId", t.mobile, t.source::text AS source, t."createdAt", t.attempt,
           t."claimedBy", t."placingAt",
           p."consultantId", p."onlineConsultantId"
    FROM "CallTask" t JOIN "Patient" p ON p.id = t."patientId"
    WHERE t.status = 'dialing' AND t."placingAt" < ${cutoff} AND t.mobile IS NOT NULL
      ${companyId ? Prisma.sql`AND t."companyId" = ${companyId}` : Prisma.empty}
    ORDER BY t."placingAt" LIMIT ${BATCH}`;
  for (const task of rows) {
    const attempt = task.attempt + 1;
    let found: Awaited<ReturnType<NonNullable<CarrierPort["findCallByClientRef"]>>>;
    try {
      found = await carrier.findCallByClientRef(clientRefOf(task.id, attempt), { callee: task.mobile, placingAt: task.placingAt });
    } catch (error) {
      // One placement the carrier cannot answer for now must not stop the others.
      console.error(`[reconcile] findCallByClientRef failed for task ${task.id}:`, error instanceof Error ? error.message : error);
      continue;
    }
    if (found === "notYet") continue;
    if (!found) {
      result.released += await releaseClaims(db, {
        where: Prisma.sql`t.id = ${task.id} AND t."claimedBy" = ${task.claimedBy} AND t."placingAt" = ${task.placingAt}`,
        now,
        nextAttemptAt: now,
        reason: "claimRecovered",
      });
      continue;
    }
    const { moved } = await db.$transaction((tx) =>
      withCallRows(tx, (writer) =>
        writer.placed({
          task,
          attempt,
          carrierCallId: found.carrierCallId,
          callerId: found.callerId,
          dialedAt: task.placingAt,
          now,
          claim: { claimedBy: task.claimedBy, placingAt: task.placingAt },
          evenIfClaimLost: false,
        }),
      ),
    );
    if (moved) result.adopted += 1;
  }
  return result;
}
