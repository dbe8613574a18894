import type { Tx } from "@/server/db/create-client";
import { Prisma } from "@/server/generated/prisma/client";
import { releaseClaims } from "./call-rows";
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
  return releaseClaims(db, {
    where: Prisma.sql`((t."placingAt" IS NULL AND t."claimedAt" < ${claimCutoff}) OR t."placingAt" < ${placingCutoff})
      ${companyId ? Prisma.sql`AND t."companyId" = ${companyId}` : Prisma.empty}`,
    now,
    nextAttemptAt: now,
    reason: "claimRecovered",
  });
}
