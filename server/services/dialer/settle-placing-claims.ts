import type { PrismaClient } from "@/server/db/create-client";
import { Prisma } from "@/server/generated/prisma/client";
import type { CarrierPort } from "@/server/ports/carrier";
import { clientRefOf } from "./dialer-settings";
import { newRowId } from "./row-id";

/** A claim sent to the carrier (placingAt) without a Call row this long is asked about by clientRef. */
export const PLACING_UNSETTLED_MS = 3 * 60_000;
const BATCH = 200;

type PlacingRow = {
  id: string;
  companyId: string;
  clinicId: string;
  scriptId: string;
  patientId: string;
  mobile: string;
  attempt: number;
  claimedBy: string;
  placingAt: Date;
  consultantId: string | null;
  onlineConsultantId: string | null;
};

/**
 * A placement whose answer we never stored — the process died, or the database was down, between the carrier accepting
 * and our Call row — is settled by asking the carrier for the call our clientRef made: known → the Call row is written
 * and the task is `inCall` (its result then comes by webhook or reconciliation as for any call); unknown → the carrier
 * never accepted it (our create times out after 10 s, long before this), so the claim goes back to pending with the same
 * attempt. Every write is guarded by the claim as it was read. Carriers without the lookup leave it to recoverStaleClaims.
 */
export async function settlePlacingClaims(db: PrismaClient, carrier: CarrierPort, now: Date, companyId?: string): Promise<{ adopted: number; released: number }> {
  const result = { adopted: 0, released: 0 };
  if (!carrier.findCallByClientRef) return result;
  const cutoff = new Date(now.getTime() - PLACING_UNSETTLED_MS);
  const rows = await db.$queryRaw<PlacingRow[]>`
    SELECT t.id, t."companyId", t."clinicId", t."scriptId", t."patientId", t.mobile, t.attempt, t."claimedBy", t."placingAt",
           p."consultantId", p."onlineConsultantId"
    FROM "CallTask" t JOIN "Patient" p ON p.id = t."patientId"
    WHERE t.status = 'dialing' AND t."placingAt" < ${cutoff} AND t.mobile IS NOT NULL
      ${companyId ? Prisma.sql`AND t."companyId" = ${companyId}` : Prisma.empty}
    ORDER BY t."placingAt" LIMIT ${BATCH}`;
  for (const task of rows) {
    const attempt = task.attempt + 1;
    const found = await carrier.findCallByClientRef(clientRefOf(task.id, attempt));
    const guard = { id: task.id, status: "dialing" as const, claimedBy: task.claimedBy, placingAt: task.placingAt };
    if (!found) {
      const { count } = await db.callTask.updateMany({
        where: guard,
        data: { status: "pending", claimedBy: null, claimedAt: null, placingAt: null, nextAttemptAt: now, reason: "claimRecovered" },
      });
      result.released += count;
      continue;
    }
    const adopted = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "CallTask" WHERE id = ${task.id} FOR NO KEY UPDATE`;
      const { count } = await tx.callTask.updateMany({ where: guard, data: { status: "inCall", attempt } });
      if (count === 0) return 0;
      await tx.$executeRaw`
        INSERT INTO "Call" (id, "companyId", "clinicId", "scriptId", "taskId", "patientId", mobile, attempt,
                            "carrierCallId", "callerId", "dialedAt", "consultantId", "onlineConsultantId", "createdAt")
        VALUES (${newRowId()}, ${task.companyId}, ${task.clinicId}, ${task.scriptId}, ${task.id}, ${task.patientId}, ${task.mobile},
                ${attempt}, ${found.carrierCallId}, ${found.callerId}, ${task.placingAt}, ${task.consultantId}, ${task.onlineConsultantId}, ${now})
        ON CONFLICT ("taskId", attempt) DO UPDATE
          SET "carrierCallId" = coalesce("Call"."carrierCallId", EXCLUDED."carrierCallId"),
              "callerId" = coalesce("Call"."callerId", EXCLUDED."callerId")`;
      return 1;
    });
    result.adopted += adopted;
  }
  return result;
}
