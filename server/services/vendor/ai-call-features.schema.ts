import { z } from "zod";
import { AI_CALL_FEATURE_LIMITS as L } from "@/server/domain/vendor/ai-call-features";

const seconds = (what: string, { min, max }: { min: number; max: number }) =>
  z
    .number({ error: `请填写${what}` })
    .int(`${what}需为整数秒`)
    .min(min, `${what}为 ${min}–${max} 秒`)
    .max(max, `${what}为 ${min}–${max} 秒`);

/**
 * 外呼管理 → AI 通话功能: the company's Company.aiCallFeatures as the admin saves it. The bounds are the documented
 * ones of CreateAICall (server/domain/vendor/ai-call-features.ts); a value outside them is refused with what is allowed,
 * never silently clamped.
 */
export const updateAiCallFeaturesInput = z
  .object({
    voicemailDetection: z.boolean(),
    maxRingSeconds: seconds("振铃时长", L.maxRingSeconds),
    acquireTimeoutSeconds: seconds("排队等待时长", L.acquireTimeoutSeconds),
    silence: z.object({
      promptAfterSeconds: seconds("静默提示时间", L.promptAfterSeconds),
      prompt: z.string().trim().min(1, "请填写静默提示语").max(L.promptMaxLength, `静默提示语最多 ${L.promptMaxLength} 个字`),
      maxPrompts: z
        .number({ error: "请填写提示次数" })
        .int("提示次数需为整数")
        .min(L.maxPrompts.min, `提示次数为 ${L.maxPrompts.min}–${L.maxPrompts.max} 次`)
        .max(L.maxPrompts.max, `提示次数为 ${L.maxPrompts.min}–${L.maxPrompts.max} 次`),
      hangUpAfterSeconds: seconds("静默挂断时间", L.hangUpAfterSeconds),
    }),
    extraction: z.boolean(),
    transferToFrontDesk: z.boolean(),
    complianceAudio: z.boolean(),
  })
  .refine((v) => v.silence.hangUpAfterSeconds > v.silence.promptAfterSeconds, {
    message: "静默挂断时间需长于静默提示时间，否则提示语来不及播放",
    path: ["silence", "hangUpAfterSeconds"],
  });
export type UpdateAiCallFeaturesInput = z.input<typeof updateAiCallFeaturesInput>;
