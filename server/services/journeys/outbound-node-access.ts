import type { Tx } from "@/server/db/create-client";
import { can, type Viewer } from "@/server/domain/auth/permissions";
import {
  clinicMayCall,
  clinicNotOpenedMessage,
  OUTBOUND_LOCKED_MESSAGES,
  type OutboundAccessState,
} from "@/server/domain/outbound/outbound-access";
import { loadOutboundAccess } from "@/server/services/dialer/outbound/load-outbound-access";

/** `reason` in zh-CN for errors; the UI words `code` (journeys.outboundLocked_<code>) with `clinic`. */
export type OutboundNodeAccess =
  | { ok: true }
  | { ok: false; reason: string; code: "noPermission" | Exclude<OutboundAccessState, "approved"> | "clinicNotOpened"; clinic?: string };

/**
 * Whether the 智能外呼组件 may be added or edited in a journey of this clinic (FAQ Q6): the viewer holds
 * 使用自动旅程智能外呼组件, the company's qualification is approved, and the clinic has been opened.
 */
export async function outboundNodeAccess(
  db: Tx,
  viewer: Viewer,
  companyId: string,
  clinic: { shortName: string; outboundOpenedAt: Date | null },
): Promise<OutboundNodeAccess> {
  if (!can(viewer, "outbound.journey.use")) return { ok: false, code: "noPermission", reason: "您没有使用智能外呼组件的权限，请联系管理员在角色管理中开启" };
  const state = await loadOutboundAccess(db, companyId);
  if (state !== "approved") return { ok: false, code: state, reason: OUTBOUND_LOCKED_MESSAGES[state] };
  if (!clinicMayCall(state, clinic)) return { ok: false, code: "clinicNotOpened", clinic: clinic.shortName, reason: clinicNotOpenedMessage(clinic.shortName) };
  return { ok: true };
}
