import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";

/**
 * 重试 on the held-account banner: the next dialer tick sends one probe call at once (not waiting for the next
 * scheduled probe). The hold itself ends only when the carrier accepts a call (place-claimed-call.ts), so a cause
 * that was not fixed shows again within a tick instead of letting every queued call fail.
 */
export async function resumeCalling(db: PrismaClient, scope: Scope, viewer: Viewer, now: Date): Promise<{ probing: boolean }> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.company.updateMany({ where: { id: scope.companyId, callingHeldAt: { not: null } }, data: { callingHoldProbeAt: now } });
    if (count) {
      await writeAuditLog(tx, { companyId: scope.companyId, actorId: viewer.userId, action: "outbound.calling.retry", targetType: "company", targetId: scope.companyId, data: {} });
    }
    return { probing: count > 0 };
  });
}
