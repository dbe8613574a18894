import { z } from "zod";
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

const cents = (what: string, { min, max }: { readonly min: number; readonly max: number }) =>
  z
    .number({ error: `${what}需为数字` })
    .int(`${what}最小单位为分`)
    .min(min, `${what}为 ¥${min / 100}–¥${max / 100}`)
    .max(max, `${what}为 ¥${min / 100}–¥${max / 100}`)
    .nullable();

/** 效果分析 → 归因与成本设置 as saved (checked by the dialog first and by the service again): a window in whole days and prices in 分 (null: not set). */
const W = OUTCOME_SETTING_LIMITS.windowDays;
export const updateOutcomeSettingsInput = z.object({
  windowDays: z
    .number({ error: "请填写归因窗口" })
    .int("归因窗口需为整数天")
    .min(W.min, `归因窗口为 ${W.min}–${W.max} 天`)
    .max(W.max, `归因窗口为 ${W.min}–${W.max} 天`),
  callPriceCentsPerMinute: cents("通话单价", OUTCOME_SETTING_LIMITS.callPriceCentsPerMinute),
  smsPriceCents: cents("短信单价", OUTCOME_SETTING_LIMITS.smsPriceCents),
});
export type UpdateOutcomeSettingsInput = z.input<typeof updateOutcomeSettingsInput>;
