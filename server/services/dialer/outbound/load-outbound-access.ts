import type { Tx } from "@/server/db/create-client";
import {
  clinicMayCall,
  clinicNotOpenedMessage,
  mayUseOutbound,
  OUTBOUND_LOCKED_MESSAGES,
  outboundAccessState,
  type OutboundAccessState,
} from "@/server/domain/outbound/outbound-access";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";

/** Where the company stands on the way to 智能外呼: its latest qualification application decides. */
export async function loadOutboundAccess(db: Tx, companyId: string): Promise<OutboundAccessState> {
  const latest = await db.qualificationApplication.findFirst({
    where: { companyId },
    orderBy: { createdAt: "desc" },
    select: { status: true },
  });
  return outboundAccessState(latest?.status ?? null);
}

/**
 * Throws FORBIDDEN (with the reason in zh-CN) unless the company's qualification has been approved. `load`: where the
 * state comes from — a request's per-process cache (server/auth/outbound-access-cache.ts), else the database.
 */
export async function assertOutboundEnabled(db: Tx, companyId: string, load?: (companyId: string) => Promise<OutboundAccessState>): Promise<void> {
  const state = load ? await load(companyId) : await loadOutboundAccess(db, companyId);
  if (!mayUseOutbound(state)) throw AppError.forbidden(OUTBOUND_LOCKED_MESSAGES[state as Exclude<OutboundAccessState, "approved">]);
}

/**
 * For the dial engine and anything that places a call from a clinic: the clinic must belong to the caller's company and
 * scope (otherwise NOT_FOUND, as for any other tenant's row), the company must be approved, and the clinic opened.
 * Jobs that act for the whole company pass a scope with every clinic of the company.
 */
export async function assertClinicOpened(db: Tx, scope: Scope, clinicId: string) {
  const [state, clinic] = await Promise.all([
    loadOutboundAccess(db, scope.companyId),
    db.clinic.findFirst({
      where: { id: clinicId, companyId: scope.companyId, AND: { id: { in: scope.clinicIds } } },
      select: { id: true, shortName: true, outboundOpenedAt: true },
    }),
  ]);
  if (!clinic) throw AppError.notFound("门店");
  if (!mayUseOutbound(state)) throw AppError.forbidden(OUTBOUND_LOCKED_MESSAGES[state as Exclude<OutboundAccessState, "approved">]);
  if (!clinicMayCall(state, clinic)) throw AppError.forbidden(clinicNotOpenedMessage(clinic.shortName));
  return clinic;
}

/** Bulk form for the dialer: the company's clinics that may place calls now (none before approval). */
export async function listCallableClinicIds(db: Tx, companyId: string): Promise<string[]> {
  const state = await loadOutboundAccess(db, companyId);
  if (!mayUseOutbound(state)) return [];
  const clinics = await db.clinic.findMany({
    where: { companyId, outboundOpenedAt: { not: null } },
    select: { id: true },
  });
  return clinics.map((c) => c.id);
}
