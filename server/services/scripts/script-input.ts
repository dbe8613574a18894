import { z } from "zod";
import { scenariosSchema } from "@/server/domain/templates/dialogue-schema";
import { scriptNameProblem } from "@/server/domain/scripts/script-name";
import { VOICE_LIMITS } from "@/server/domain/templates/voices";

const int = (lo: number, hi: number, label: string) =>
  z.number().int().min(lo, `${label}不能低于 ${lo}`).max(hi, `${label}不能高于 ${hi}`);

/** The 新建话术 / 编辑话术 form, for both kinds. */
export const scriptFormInput = z.object({
  name: z.string().superRefine((v, ctx) => {
    const problem = scriptNameProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  templateId: z.string().min(1, "请选择话术模版"),
  params: z.record(z.string(), z.string()).default({}),
  clinicIds: z.array(z.string().min(1)).min(1, "请选择适用门店").max(50),
  /** AI scripts: the generated (and edited) scenarios; intents are the template's. */
  scenarios: scenariosSchema.nullish(),
  voiceId: z.string().min(1, "请选择音色"),
  voiceSpeed: int(VOICE_LIMITS.speed.min, VOICE_LIMITS.speed.max, "语速").default(VOICE_LIMITS.speed.default),
  voicePitch: int(VOICE_LIMITS.pitch.min, VOICE_LIMITS.pitch.max, "语调").default(VOICE_LIMITS.pitch.default),
  voiceVolume: int(VOICE_LIMITS.volume.min, VOICE_LIMITS.volume.max, "音量").default(VOICE_LIMITS.volume.default),
  hangupSmsEnabled: z.boolean().default(false),
  hangupSmsAnsweredTemplateId: z.string().nullish(),
  hangupSmsUnansweredTemplateId: z.string().nullish(),
  journeyOnly: z.boolean().default(false),
});
export type ScriptFormInput = z.input<typeof scriptFormInput>;

export const createScriptInput = scriptFormInput.extend({ kind: z.enum(["ai", "fixed"]) });
export type CreateScriptInput = z.input<typeof createScriptInput>;

export const updateScriptInput = scriptFormInput.extend({ id: z.string().min(1) });
export type UpdateScriptInput = z.input<typeof updateScriptInput>;
