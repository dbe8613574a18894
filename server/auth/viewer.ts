import "server-only";
import { cache } from "react";
import { redirect, forbidden } from "next/navigation";
import { sessionIdentity } from "./session-identity";
import { can, type Permission, type Viewer } from "@/server/domain/auth/permissions";
import { sessionViewer } from "./session-viewer";

/** The signed-in caller for server components, once per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const identity = await sessionIdentity();
  return identity && sessionViewer(identity.userId, identity.sessionVersion);
});

export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}

export async function requirePlatformAdmin(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!viewer.isPlatformAdmin) forbidden();
  return viewer;
}

/** For tenant pages: platform admins (no company) are sent to their console. */
export async function requireCompanyPermission(permission: Permission): Promise<Viewer & { companyId: string }> {
  const viewer = await requireViewer();
  if (!viewer.companyId) redirect("/platform/qualifications");
  if (!can(viewer, permission)) forbidden();
  return viewer as Viewer & { companyId: string };
}
