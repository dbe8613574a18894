import { prisma } from "@/server/db/client";
import { can, type OutboundPermission, type Viewer } from "@/server/domain/auth/permissions";
import { AppError } from "@/server/errors";
import { assertOutboundEnabled } from "@/server/services/dialer/outbound/load-outbound-access";
import { getViewer } from "./viewer";

/**
 * Route handlers' counterpart of outboundProcedure: signed in, a company member, the permission (`forbidden` says which
 * one is missing), company approved. Errors are AppErrors for appErrorResponse.
 */
export async function requireOutboundViewer(permission: OutboundPermission, forbidden?: string): Promise<Viewer & { companyId: string }> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("UNAUTHORIZED", "请先登录");
  if (!viewer.companyId) throw AppError.forbidden("仅限企业用户使用");
  if (!can(viewer, permission)) throw AppError.forbidden(forbidden);
  await assertOutboundEnabled(prisma, viewer.companyId);
  return viewer as Viewer & { companyId: string };
}
