import { DEFAULT_ATTRIBUTION_WINDOW_DAYS } from "./attribution";

/**
 * 效果分析 → 归因与成本设置: how long after a call a booking or a visit still counts for it, and the prices that turn
 * billed minutes and SMS into 每次到诊成本. A price left empty means "not known": the cost per visit is not shown rather
 * than shown as 0.
 */
export const OUTCOME_SETTING_LIMITS = {
  windowDays: { min: 1, max: 90 },
  /** 分 per billed minute (≤ ¥100). */
  callPriceCentsPerMinute: { min: 0, max: 10_000 },
  /** 分 per SMS (≤ ¥10). */
  smsPriceCents: { min: 0, max: 1_000 },
} as const;

export interface OutcomeSettings {
  windowDays: number;
  callPriceCentsPerMinute: number | null;
  smsPriceCents: number | null;
}

export function outcomeSettingsOf(company: { attributionWindowDays: number | null; callPriceCentsPerMinute: number | null; smsPriceCents: number | null }): OutcomeSettings {
  return {
    windowDays: company.attributionWindowDays ?? DEFAULT_ATTRIBUTION_WINDOW_DAYS,
    callPriceCentsPerMinute: company.callPriceCentsPerMinute,
    smsPriceCents: company.smsPriceCents,
  };
}
