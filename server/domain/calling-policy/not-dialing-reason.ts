import { callingWindowWait, type CallingWindowWait } from "./calling-window";
import { freeCapacity, seatsRule, throttleRule, type DialerLoad } from "./capacity";
import type { DialerLimits } from "./types";

/** A clinic's share of a script's pending tasks, as the claim sees them. */
export interface PendingInClinic {
  timeZone: string;
  /** The platform admin opened the clinic for 智能外呼 (listCallableClinicIds). */
  opened: boolean;
  /** Pending tasks due now (`nextAttemptAt <= now`). */
  dueNow: number;
  /** Pending tasks due later (a redial, or deferred by a rule), and the earliest of them. */
  later: number;
  nextDueAt: Date | null;
}

export interface NotDialingInput {
  status: "enabled" | "paused" | "stopped";
  pauseReason: "manual" | "insufficientBalance" | null;
  /** The carrier refused the account (Company.callingHeldAt): the claim only sends one probe call now and then. */
  carrierHold?: { code: string | null; probeAt: Date | null } | null;
  /** 余额 (call credits). */
  balance: number;
  /** The company's qualification is approved. */
  outboundApproved: boolean;
  limits: DialerLimits;
  /** What loadDialerLoad counts for the company and this script. */
  load: DialerLoad & { recentOldestAt: Date | null };
  clinics: readonly PendingInClinic[];
}

export type NotDialingReason =
  | { kind: "stopped" }
  | { kind: "paused" }
  | { kind: "balanceExhausted" }
  | { kind: "carrierHeld"; code: string | null; probeAt: Date | null }
  | { kind: "outboundNotApproved" }
  | { kind: "clinicNotOpened" }
  | { kind: "companySeatsFull"; retryAt: Date }
  | { kind: "scriptSeatsFull"; retryAt: Date }
  | { kind: "scriptThrottled"; until: Date }
  | ({ kind: "outsideCallingWindow" } & CallingWindowWait)
  | { kind: "notDueYet"; nextDueAt: Date };

/**
 * Why a script with pending tasks is not dialing now, in the order the dialer's claim (claim-due-tasks.ts) meets the
 * obstacles: a script that is not enabled is never claimed; an exhausted balance stops the whole company (and pauses its
 * scripts); only approved companies' opened clinics call; then the free capacity (seats of the company and the script,
 * the per-minute throttle: freeCapacity, seatsRule, throttleRule); then each due task's calling window (decide's first
 * rule). Null when the claim would take tasks of this script now — or when there is nothing pending.
 */
export function notDialingReason(input: NotDialingInput, now: Date): NotDialingReason | null {
  const pending = input.clinics.reduce((n, c) => n + c.dueNow + c.later, 0);
  if (pending === 0) return null;
  if (input.status === "stopped") return { kind: "stopped" };
  if (input.status === "paused") return input.pauseReason === "insufficientBalance" ? { kind: "balanceExhausted" } : { kind: "paused" };
  if (input.carrierHold) return { kind: "carrierHeld", code: input.carrierHold.code, probeAt: input.carrierHold.probeAt };
  if (input.balance <= 0) return { kind: "balanceExhausted" };
  if (!input.outboundApproved) return { kind: "outboundNotApproved" };
  const opened = input.clinics.filter((c) => c.opened && c.dueNow + c.later > 0);
  if (opened.length === 0) return { kind: "clinicNotOpened" };

  const { limits, load } = input;
  if (freeCapacity(limits, load) <= 0) {
    const ctx = { limits, seats: { companyActive: load.companyActive, scriptActive: load.scriptActive }, recentDials: { count: load.recentDials, oldestAt: load.recentOldestAt } };
    const seats = seatsRule(ctx, now);
    if (seats.kind === "defer" && (seats.rule === "companySeatsFull" || seats.rule === "scriptSeatsFull")) return { kind: seats.rule, retryAt: seats.until };
    const throttle = throttleRule(ctx, now);
    if (throttle.kind === "defer") return { kind: "scriptThrottled", until: throttle.until };
  }

  const due = opened.filter((c) => c.dueNow > 0);
  // A due task in a clinic inside its window is dialed by the next tick.
  if (due.some((c) => callingWindowWait(now, c.timeZone) === null)) return null;
  if (due.length > 0) return earliestWindow(due, now);
  // Nothing due yet: waiting for a redial or a deferral; outside the window, the window is the plainer reason.
  const nextDueAt = new Date(Math.min(...opened.map((c) => c.nextDueAt?.getTime() ?? Infinity)));
  const window = opened.every((c) => callingWindowWait(now, c.timeZone) !== null) ? earliestWindow(opened, now) : null;
  if (window && window.startsAt.getTime() >= nextDueAt.getTime()) return window;
  return Number.isFinite(nextDueAt.getTime()) ? { kind: "notDueYet", nextDueAt } : null;
}

function earliestWindow(clinics: readonly PendingInClinic[], now: Date): Extract<NotDialingReason, { kind: "outsideCallingWindow" }> {
  const waits = clinics.map((c) => callingWindowWait(now, c.timeZone)!).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return { kind: "outsideCallingWindow", ...waits[0]! };
}
