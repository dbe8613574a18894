import { REDIAL_OUTCOMES, type CarrierOutcome } from "@/server/ports/carrier";

/** The redial policy (seed §7 notice 4): 1 redial 30 minutes later by default; at most 3 redials. */
export interface RedialPolicy {
  /** Total attempts of a task, the first dial included (Company.redialMaxAttempts; default 2 = one redial). */
  maxAttempts: number;
  intervalMin: number;
  outcomes?: readonly CarrierOutcome[];
}

export const MAX_REDIALS = 3;

/** Clamps a configured attempt count to 1 (no redial) … 1 + MAX_REDIALS. */
export function effectiveMaxAttempts(configured: number): number {
  if (!Number.isFinite(configured)) return 2;
  return Math.min(1 + MAX_REDIALS, Math.max(1, Math.floor(configured)));
}

export type AfterAttempt = { kind: "redial"; at: Date } | { kind: "done" };

/**
 * What follows a completed attempt: a redial `intervalMin` after it ended when the outcome is retryable (无应答, 忙线,
 * 拒绝, 关机, 呼叫失败 …; never 空号 or 停机) and attempts are left; otherwise the task is done. The redial itself still
 * goes through every rule of `decide` when it falls due.
 */
export function planAfterAttempt(outcome: CarrierOutcome, attempt: number, endedAt: Date, policy: RedialPolicy): AfterAttempt {
  const retryable = (policy.outcomes ?? REDIAL_OUTCOMES).includes(outcome);
  if (!retryable || attempt >= effectiveMaxAttempts(policy.maxAttempts)) return { kind: "done" };
  const minutes = Math.max(1, Math.floor(policy.intervalMin));
  return { kind: "redial", at: new Date(endedAt.getTime() + minutes * 60_000) };
}
