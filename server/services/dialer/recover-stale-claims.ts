import type { Tx } from "@/server/db/create-client";
import { Prisma } from "@/server/generated/prisma/client";
import { moveTasks } from "@/server/services/metrics/call-totals";
import { CLAIM_STALE_MS, PLACING_STALE_MS } from "./dialer-settings";

/**
 * Crash recovery. A claim whose worker died before asking the carrier (no placingAt) goes back to pending after
 * CLAIM_STALE_MS with the same attempt — nothing was dialed. A claim that may have reached the carrier (placingAt set,
 * still no Call row) waits PLACING_STALE_MS for the carrier's result before it is released, so the same attempt is
 * never dialed twice. Returns how many tasks were released.
 */
export async function recoverStaleClaims(db: Tx, now: Date, companyId?: string): Promise<number> {
  const claimCutoff = new Date(now.getTime() - CLAIM_STALE_MS);
  const placingCutoff = new Date(now.getTime() - PLACING_STALE_MS);
  return db.$executeRaw`
    UPDATE "CallTask"
    SET status = 'pending', "claimedBy" = NULL, "claimedAt" = NULL, "placingAt" = NULL,
        "nextAttemptAt" = ${now}, reason = 'claimRecovered', "updatedAt" = ${now}
    WHERE status = 'dialing'
      AND (("placingAt" IS NULL AND "claimedAt" < ${claimCutoff}) OR "placingAt" < ${placingCutoff})
      ${companyId ? Prisma.sql`AND "companyId" = ${companyId}` : Prisma.empty}`;
}

/**
 * 停用 is final: the script's undialed tasks are cancelled with reason scriptStopped (话术停用). Tasks in a call finish
 * that call; applyAttemptResult then cancels their redial. Call this in the transaction that stops a script.
 */
export async function cancelUndialedTasks(db: Tx, scriptId: string, now: Date): Promise<number> {
  return moveTasks(db, {
    from: "pending",
    to: "cancelled",
    set: Prisma.sql`reason = 'scriptStopped', "finishedAt" = ${now}, "updatedAt" = ${now}`,
    where: Prisma.sql`t."scriptId" = ${scriptId}`,
  });
}

/** Safety net run by every tick: pending tasks of any stopped script are cancelled as above. */
export async function cancelTasksOfStoppedScripts(db: Tx, now: Date, companyId?: string): Promise<number> {
  return moveTasks(db, {
    from: "pending",
    to: "cancelled",
    set: Prisma.sql`reason = 'scriptStopped', "finishedAt" = ${now}, "updatedAt" = ${now}`,
    where: Prisma.sql`t."scriptId" IN (SELECT s.id FROM "Script" s WHERE s.status = 'stopped'
      ${companyId ? Prisma.sql`AND s."companyId" = ${companyId}` : Prisma.empty})
      ${companyId ? Prisma.sql`AND t."companyId" = ${companyId}` : Prisma.empty}`,
  });
}
