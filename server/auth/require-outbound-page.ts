import "server-only";
import { redirect } from "next/navigation";
import { prisma } from "@/server/db/client";
import type { OutboundPermission } from "@/server/domain/auth/permissions";
import { mayUseOutbound } from "@/server/domain/outbound/outbound-access";
import { loadOutboundAccess } from "@/server/services/dialer/outbound/load-outbound-access";
import { requireCompanyPermission } from "./viewer";

/**
 * For 智能外呼 pages behind the approval: the permission (403 otherwise), and before the company is approved the
 * caller is sent to 外呼管理, which shows the intro and the onboarding status.
 */
export async function requireOutboundPage(permission: OutboundPermission) {
  const viewer = await requireCompanyPermission(permission);
  if (!mayUseOutbound(await loadOutboundAccess(prisma, viewer.companyId))) redirect("/management/outbound");
  return viewer;
}
