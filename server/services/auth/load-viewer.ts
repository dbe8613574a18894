import type { Tx } from "@/server/db/create-client";
import { isRolePermission, type Permission, type Viewer } from "@/server/domain/auth/permissions";

/**
 * Resolves the caller from the database on every request, so a role change or a deactivated account
 * takes effect at once rather than when the session token expires. `sessionVersion` is the one the session's token was
 * issued with: once the user's has moved on (logout, 强制下线 — `revokeSessions`), the token is dead. Same query, no
 * extra cost.
 */
export async function loadViewer(db: Tx, userId: string, sessionVersion?: number): Promise<Viewer | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: {
      role: { include: { permissions: true } },
      userClinics: { select: { clinicId: true } },
      company: { select: { clinics: { select: { id: true }, orderBy: { createdAt: "asc" } } } },
    },
  });
  if (!user || !user.active) return null;
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null;
  const permissions = new Set<Permission>(
    (user.role?.permissions ?? []).map((p) => p.permission).filter(isRolePermission),
  );
  return {
    userId: user.id,
    name: user.name,
    companyId: user.companyId,
    roleKey: user.role?.key ?? null,
    roleName: user.role?.name ?? null,
    isPlatformAdmin: user.isPlatformAdmin,
    clinicIds: user.allClinics
      ? (user.company?.clinics.map((c) => c.id) ?? [])
      : user.userClinics.map((uc) => uc.clinicId),
    permissions,
  };
}
