/**
 * 实时监控's alerts (issue 27 item 4): calling stopped or going badly for a reason that needs a person. The thresholds
 * are the company admin's (Company.alert*), these are their defaults; the inputs are counted by the monitor's snapshot.
 */
export interface AlertThresholds {
  /** 余额 in minutes below which the admin is warned. */
  balanceMinutes: number;
  /** A script's answered share of its last `answerRateWindow` ended calls below this: a bad number pool or a broken script. */
  answerRate: number;
  answerRateWindow: number;
  /** Intercepted share of the last 15 minutes' outcomes (intercepted + dialed) above this, with at least `minDecisions`. */
  interceptedShare: number;
  minDecisions: number;
}

export const ALERT_THRESHOLDS: AlertThresholds = {
  // A 50-seat campaign talks about this many minutes in a few minutes.
  balanceMinutes: 100,
  answerRate: 0.15,
  answerRateWindow: 100,
  interceptedShare: 0.5,
  minDecisions: 20,
};

/** The company's settings as thresholds (percentages stored as whole numbers). */
export function alertThresholds(company: { alertBalanceMinutes: number; alertAnswerRatePercent: number; alertInterceptedPercent: number }): AlertThresholds {
  return {
    ...ALERT_THRESHOLDS,
    balanceMinutes: company.alertBalanceMinutes,
    answerRate: company.alertAnswerRatePercent / 100,
    interceptedShare: company.alertInterceptedPercent / 100,
  };
}

export type MonitorAlert =
  | { kind: "balanceExhausted" }
  | { kind: "balanceLow"; balance: number; threshold: number }
  | { kind: "carrierHeld"; code: string | null }
  | { kind: "answerRateLow"; scriptId: string; scriptName: string; answered: number; calls: number; threshold: number }
  | { kind: "interceptedShareHigh"; intercepted: number; decisions: number; threshold: number };

export interface MonitorAlertInput {
  balance: number;
  /** The carrier's hold of the company's calling account (its code), or null. */
  carrierHold?: { code: string | null } | null;
  /** Per enabled script: its last ended calls (at most answerRateWindow) and how many were answered. */
  scripts: readonly { id: string; name: string; lastCalls: number; lastAnswered: number }[];
  recent: { intercepted: number; dialed: number };
}

export function monitorAlerts(input: MonitorAlertInput, thresholds: AlertThresholds = ALERT_THRESHOLDS): MonitorAlert[] {
  const alerts: MonitorAlert[] = [];
  if (input.balance <= 0) alerts.push({ kind: "balanceExhausted" });
  else if (input.balance < thresholds.balanceMinutes) alerts.push({ kind: "balanceLow", balance: input.balance, threshold: thresholds.balanceMinutes });
  if (input.carrierHold) alerts.push({ kind: "carrierHeld", code: input.carrierHold.code });
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

/** What an alert is about, for delivering each at most once an hour: its kind, and the script for a script's answer rate. */
export function alertCause(alert: MonitorAlert): string {
  return alert.kind === "answerRateLow" ? `${alert.kind}:${alert.scriptId}` : alert.kind;
}

/** Delivered alerts of the same cause are this far apart at least. */
export const ALERT_REPEAT_MS = 3_600_000;

/** The SMS text of an alert (zh-CN: sent to the company admin's mobile). */
export function alertSmsText(alert: MonitorAlert, companyName: string): string {
  const head = `【智能外呼】${companyName}：`;
  switch (alert.kind) {
    case "balanceExhausted":
      return `${head}外呼余额已用完，外呼已暂停，请尽快充值。`;
    case "balanceLow":
      return `${head}外呼余额仅剩 ${alert.balance} 分钟（低于 ${alert.threshold} 分钟），请尽快充值。`;
    case "carrierHeld":
      return `${head}运营商暂停了外呼账号${alert.code ? `（${alert.code}）` : ""}，外呼已停止，请处理。`;
    case "answerRateLow":
      return `${head}话术“${alert.scriptName}”最近 ${alert.calls} 通仅接通 ${alert.answered} 通（低于 ${Math.round(alert.threshold * 100)}%），请检查号码或话术。`;
    case "interceptedShareHigh":
      return `${head}近 15 分钟 ${alert.decisions} 个任务中 ${alert.intercepted} 个被拦截（高于 ${Math.round(alert.threshold * 100)}%）。`;
  }
}
