import { z } from "zod";
import { isMainlandMobile, normalizeMobile } from "@/server/domain/patients/mobile";

/** 实时监控 → 告警设置: the company's thresholds and where alerts are also sent. */
export const updateAlertSettingsInput = z.object({
  balanceMinutes: z.number().int().min(0, "余额阈值不能为负").max(1_000_000),
  answerRatePercent: z.number().int().min(0).max(100, "接通率下限为 0–100%"),
  interceptedPercent: z.number().int().min(0).max(100, "拦截占比上限为 0–100%"),
  smsMobile: z
    .string()
    .trim()
    .transform((v) => (v ? normalizeMobile(v) : null))
    .refine((v) => v === null || isMainlandMobile(v), "请输入正确的手机号")
    .nullable(),
  byWebhook: z.boolean(),
});
export type UpdateAlertSettingsInput = z.input<typeof updateAlertSettingsInput>;
