import { ALLOW, type Decision, type PolicyContext } from "./types";

/** How long a task waits when seats are full: a seat frees as soon as any call ends, so look again shortly. */
export const SEAT_RETRY_MS = 15_000;
export const THROTTLE_WINDOW_MS = 60_000;
/** A number already in a call with this company is not called again meanwhile. */
export const NUMBER_BUSY_RETRY_MS = 5 * 60_000;

export function numberInCallRule(taskId: string, history: PolicyContext["history"], now: Date): Decision {
  const busy = history.some((c) => c.inProgress && c.taskId !== taskId);
  return busy ? { kind: "defer", until: new Date(now.getTime() + NUMBER_BUSY_RETRY_MS), rule: "numberInCall" } : ALLOW;
}

/** 座席: 1000 per company, 50 per enabled script (seed §7 notice 2), configurable per company. */
export function seatsRule(ctx: Pick<PolicyContext, "limits" | "seats">, now: Date): Decision {
  const until = new Date(now.getTime() + SEAT_RETRY_MS);
  if (ctx.seats.companyActive >= ctx.limits.seatLimit) return { kind: "defer", until, rule: "companySeatsFull" };
  if (ctx.seats.scriptActive >= ctx.limits.seatsPerScript) return { kind: "defer", until, rule: "scriptSeatsFull" };
  return ALLOW;
}

/** At most `dialsPerMinuteScript` dials started per script in any 60 seconds. */
export function throttleRule(ctx: Pick<PolicyContext, "limits" | "recentDials">, now: Date): Decision {
  if (ctx.recentDials.count < ctx.limits.dialsPerMinuteScript) return ALLOW;
  const oldest = ctx.recentDials.oldestAt?.getTime() ?? now.getTime();
  return { kind: "defer", until: new Date(Math.max(oldest + THROTTLE_WINDOW_MS, now.getTime() + 1000)), rule: "scriptThrottled" };
}
