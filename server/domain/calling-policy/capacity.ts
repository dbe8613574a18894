import { ALLOW, type Decision, type DialerLimits, type PolicyContext } from "./types";

/** How long a task waits when seats are full: a seat frees as soon as any call ends, so look again shortly. */
export const SEAT_RETRY_MS = 15_000;
/** The throttle counts dials started in any window this long (a rolling minute). */
export const THROTTLE_WINDOW_MS = 60_000;
/** A number already in a call with this company is not called again meanwhile. */
export const NUMBER_BUSY_RETRY_MS = 5 * 60_000;

export function numberInCallRule(taskId: string, history: PolicyContext["history"], now: Date): Decision {
  const busy = history.some((c) => c.inProgress && c.taskId !== taskId);
  return busy ? { kind: "defer", until: new Date(now.getTime() + NUMBER_BUSY_RETRY_MS), rule: "numberInCall" } : ALLOW;
}

/** What the capacity rules read: calls in progress (seats) and dials the script started in the last THROTTLE_WINDOW_MS. */
export interface DialerLoad {
  companyActive: number;
  scriptActive: number;
  recentDials: number;
}

/**
 * How many more of a script's tasks the capacity rules (seatsRule, throttleRule) admit now: the free seats of the script
 * and of the company, and what is left of the per-minute throttle. The claim takes at most this many; the batch preview
 * shows it as 「立即呼叫」.
 */
export function freeCapacity(limits: DialerLimits, load: DialerLoad): number {
  return Math.max(0, Math.min(limits.seatsPerScript - load.scriptActive, limits.seatLimit - load.companyActive, limits.dialsPerMinuteScript - load.recentDials));
}

/** 座席 per company and per enabled script (PRODUCT_LIMITS, or the company's own). */
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
