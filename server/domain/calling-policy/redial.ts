import type { CarrierOutcome } from "../calls/call-outcome";
import { PRODUCT_LIMITS } from "./limits";

/** The redial policy (seed §7 notice 4): PRODUCT_LIMITS' redial (or the company's own); at most MAX_REDIALS redials. */
export interface RedialPolicy {
  /** Total attempts of a task, the first dial included (the company's redialMaxAttempts). */
  maxAttempts: number;
  intervalMin: number;
  outcomes?: readonly CarrierOutcome[];
}

export const MAX_REDIALS = 3;

/**
 * Outcomes after which a redial is allowed (「无应答、忙线、拒绝、关机、呼叫失败时…自动重拨」 + carrier.md): never
 * emptyNumber / suspended / inArrears (空号, 停机), an answered call, or one a phone assistant took.
 */
export const REDIAL_OUTCOMES: readonly CarrierOutcome[] = ["noAnswer", "busy", "rejected", "poweredOff", "failed", "unreachable", "networkBusy"];

/** Clamps a configured attempt count to 1 (no redial) … 1 + MAX_REDIALS. */
export function effectiveMaxAttempts(configured: number): number {
  if (!Number.isFinite(configured)) return PRODUCT_LIMITS.redialMaxAttempts;
  return Math.min(1 + MAX_REDIALS, Math.max(1, Math.floor(configured)));
}

export type AfterAttempt = { kind: "redial"; at: Date } | { kind: "done" };

/**
 * What follows a completed attempt: a redial `intervalMin` after it ended when the outcome is retryable and attempts are
 * left; otherwise the task is done. The redial itself still goes through every rule of `decide` when it falls due.
 */
export function planAfterAttempt(outcome: CarrierOutcome, attempt: number, endedAt: Date, policy: RedialPolicy): AfterAttempt {
  const retryable = (policy.outcomes ?? REDIAL_OUTCOMES).includes(outcome);
  if (!retryable || attempt >= effectiveMaxAttempts(policy.maxAttempts)) return { kind: "done" };
  const minutes = Math.max(1, Math.floor(policy.intervalMin));
  return { kind: "redial", at: new Date(endedAt.getTime() + minutes * 60_000) };
}
