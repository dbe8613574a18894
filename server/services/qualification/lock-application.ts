import type { Tx } from "@/server/db/create-client";
import type { QualificationStatus } from "@/server/domain/qualification/application-rules";

/**
 * Locks one application row for the rest of the transaction and returns its current status (null if missing), so a
 * status check and the write that depends on it cannot interleave with a concurrent submit, upload or review.
 */
export async function lockApplication(tx: Tx, applicationId: string): Promise<{ status: QualificationStatus; companyId: string } | null> {
  const rows = await tx.$queryRaw<{ status: QualificationStatus; companyId: string }[]>`
    SELECT "status"::text AS "status", "companyId" FROM "QualificationApplication" WHERE "id" = ${applicationId} FOR UPDATE`;
  return rows[0] ?? null;
}

/** The company's current application (a company keeps one and corrects it after a rejection). */
export function findLatestApplication(tx: Tx, companyId: string) {
  return tx.qualificationApplication.findFirst({ where: { companyId }, orderBy: { createdAt: "desc" } });
}
