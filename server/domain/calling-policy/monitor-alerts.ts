/**
 * 实时监控's alerts (issue 27 item 4): calling stopped or going badly for a reason that needs a person. Thresholds are the
 * product's; the inputs are counted by the monitor's snapshot.
 */
export const ALERT_THRESHOLDS = {
  /** 余额 in minutes below which the admin is warned (a 50-seat campaign talks about this much in a few minutes). */
  balanceMinutes: 100,
  /** A script's answered share of its last `answerRateWindow` ended calls below this: a bad number pool or a broken script. */
  answerRate: 0.15,
  answerRateWindow: 100,
  /** Intercepted share of the last 15 minutes' outcomes (intercepted + dialed) above this, with at least `minDecisions`. */
  interceptedShare: 0.5,
  minDecisions: 20,
} as const;

export type MonitorAlert =
  | { kind: "balanceExhausted" }
  | { kind: "balanceLow"; balance: number; threshold: number }
  | { kind: "answerRateLow"; scriptId: string; scriptName: string; answered: number; calls: number; threshold: number }
  | { kind: "interceptedShareHigh"; intercepted: number; decisions: number; threshold: number };

export interface MonitorAlertInput {
  balance: number;
  /** Per enabled script: its last ended calls (at most answerRateWindow) and how many were answered. */
  scripts: readonly { id: string; name: string; lastCalls: number; lastAnswered: number }[];
  recent: { intercepted: number; dialed: number };
}

export function monitorAlerts(input: MonitorAlertInput, thresholds = ALERT_THRESHOLDS): MonitorAlert[] {
  const alerts: MonitorAlert[] = [];
  if (input.balance <= 0) alerts.push({ kind: "balanceExhausted" });
  else if (input.balance < thresholds.balanceMinutes) alerts.push({ kind: "balanceLow", balance: input.balance, threshold: thresholds.balanceMinutes });
  for (const s of input.scripts) {
    // Judged only on a full window: a new script's first few unanswered calls say nothing yet.
    if (s.lastCalls < thresholds.answerRateWindow) continue;
    if (s.lastAnswered / s.lastCalls < thresholds.answerRate) {
      alerts.push({ kind: "answerRateLow", scriptId: s.id, scriptName: s.name, answered: s.lastAnswered, calls: s.lastCalls, threshold: thresholds.answerRate });
    }
  }
  const decisions = input.recent.intercepted + input.recent.dialed;
  if (decisions >= thresholds.minDecisions && input.recent.intercepted / decisions > thresholds.interceptedShare) {
    alerts.push({ kind: "interceptedShareHigh", intercepted: input.recent.intercepted, decisions, threshold: thresholds.interceptedShare });
  }
  return alerts;
}
