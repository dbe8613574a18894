import { z } from "zod";
import { OUTCOME_SETTING_LIMITS as L } from "@/server/domain/outcomes/outcome-settings";

const cents = (what: string, { min, max }: { min: number; max: number }) =>
  z
    .number({ error: `${what}需为数字` })
    .int(`${what}最小单位为分`)
    .min(min, `${what}为 ¥${min / 100}–¥${max / 100}`)
    .max(max, `${what}为 ¥${min / 100}–¥${max / 100}`)
    .nullable();

/** 效果分析 → 归因与成本设置 as saved: a window in whole days and prices in 分 (null: not set). */
export const updateOutcomeSettingsInput = z.object({
  windowDays: z
    .number({ error: "请填写归因窗口" })
    .int("归因窗口需为整数天")
    .min(L.windowDays.min, `归因窗口为 ${L.windowDays.min}–${L.windowDays.max} 天`)
    .max(L.windowDays.max, `归因窗口为 ${L.windowDays.min}–${L.windowDays.max} 天`),
  callPriceCentsPerMinute: cents("通话单价", L.callPriceCentsPerMinute),
  smsPriceCents: cents("短信单价", L.smsPriceCents),
});
export type UpdateOutcomeSettingsInput = z.input<typeof updateOutcomeSettingsInput>;
