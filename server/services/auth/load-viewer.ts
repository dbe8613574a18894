import type { Tx } from "@/server/db/create-client";
import { isRolePermission, type Permission, type Viewer } from "@/server/domain/auth/permissions";

/**
 * Resolves the caller from the database on every request, so a role change or a deactivated account
 * takes effect at once rather than when the session token expires. `sessionVersion` is the one the session's token was
 * issued with: once the user's has moved on (logout, 强制下线 — `revokeSessions`), the token is dead. Same query, no
 * extra cost.
 */
export async function loadViewer(db: Tx, userId: string, sessionVersion?: number): Promise<Viewer | null> {
  const record = await loadViewerRecord(db, userId);
  if (sessionVersion !== undefined && record.sessionVersion !== sessionVersion) return null;
  return record.viewer;
}

/** The viewer with what a cache of it needs (server/auth/viewer-cache.ts): the row's session version and role. */
export async function loadViewerRecord(db: Tx, userId: string): Promise<{ viewer: Viewer | null; sessionVersion: number; roleId: string | null }> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: {
      role: { include: { permissions: true } },
      userClinics: { select: { clinicId: true } },
      company: { select: { clinics: { select: { id: true }, orderBy: { createdAt: "asc" } } } },
    },
  });
  if (!user || !user.active) return { viewer: null, sessionVersion: user?.sessionVersion ?? -1, roleId: user?.roleId ?? null };
  const permissions = new Set<Permission>(
    (user.role?.permissions ?? []).map((p) => p.permission).filter(isRolePermission),
  );
  const viewer: Viewer = {
    userId: user.id,
    name: user.name,
    companyId: user.companyId,
    roleKey: user.role?.key ?? null,
    roleName: user.role?.name ?? null,
    isPlatformAdmin: user.isPlatformAdmin,
    clinicIds: user.allClinics
      ? (user.company?.clinics.map((c) => c.id) ?? [])
      : user.userClinics.map((uc) => uc.clinicId),
    ...(user.company ? { companyClinicIds: user.company.clinics.map((c) => c.id) } : {}),
    permissions,
  };
  return { viewer, sessionVersion: user.sessionVersion, roleId: user.roleId };
}
