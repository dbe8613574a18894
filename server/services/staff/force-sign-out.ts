import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { revokeSessions } from "@/server/services/auth/revoke-sessions";
import { forceSignOutInput, type ForceSignOutInput } from "./force-sign-out.schema";

/**
 * 员工账号 → 强制下线: ends every session of one of the company's users on every app process (their next request loads no
 * viewer), audited.
 */
export async function forceSignOut(db: PrismaClient, scope: Scope, viewer: Viewer, raw: ForceSignOutInput) {
  const { userId } = forceSignOutInput.parse(raw);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, companyId: scope.companyId }, select: { id: true, name: true } });
    if (!user) throw AppError.notFound("员工");
    await revokeSessions(tx, user.id);
    await writeAuditLog(tx, { companyId: scope.companyId, actorId: viewer.userId, action: "user.forceSignOut", targetType: "User", targetId: user.id, data: { name: user.name } });
    return { id: user.id };
  });
}
