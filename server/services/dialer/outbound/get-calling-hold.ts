import type { PrismaClient } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { callingHoldView, type CallingHoldView } from "@/server/domain/vendor/calling-hold";

/** The company's calling hold (the carrier said the account cannot call), or null when it calls normally. */
export async function getCallingHold(db: PrismaClient, scope: Scope): Promise<CallingHoldView | null> {
  const c = await db.company.findUnique({
    where: { id: scope.companyId },
    select: { callingHoldCode: true, callingHeldAt: true, callingHoldProbeAt: true },
  });
  if (!c?.callingHeldAt || !c.callingHoldCode) return null;
  return callingHoldView({ code: c.callingHoldCode, heldAt: c.callingHeldAt, probeAt: c.callingHoldProbeAt });
}
