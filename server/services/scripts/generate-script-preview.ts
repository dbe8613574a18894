import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import { dialogueProblems, scenariosSchema } from "@/server/domain/templates/dialogue-schema";
import type { ScriptDialogues } from "@/server/domain/templates/dialogue";
import { checkParams } from "@/server/domain/templates/params";
import { AppError } from "@/server/errors";
import { LlmOutputInvalid, LlmUnavailable, type LlmPort } from "@/server/ports/llm";
import type { Scope } from "@/server/domain/auth/scope";
import { loadTemplate } from "./template-view";

export const generateScriptPreviewInput = z.object({
  templateId: z.string().min(1, "请选择话术模版"),
  params: z.record(z.string(), z.string()).default({}),
  /** 适用门店 chosen so far; the first one is the clinic the preview speaks for. */
  clinicIds: z.array(z.string()).max(50).default([]),
});

const KEEP = "（已保留上一次的预览）";

/** 生成AI话术: the template's scenarios written out for these parameters, checked before anyone sees them. */
export async function generateScriptPreview(
  db: Tx,
  scope: Scope,
  raw: z.input<typeof generateScriptPreviewInput>,
  llm: LlmPort,
): Promise<ScriptDialogues & { generator: LlmPort["name"] }> {
  const input = generateScriptPreviewInput.parse(raw);
  const template = await loadTemplate(db, scope, input.templateId);
  if (template.kind !== "ai") throw new AppError("BAD_REQUEST", "固定模版话术无需生成，请直接试听");
  if (template.scenarios.length === 0) throw new AppError("BAD_REQUEST", "该话术模版暂无可用的情景蓝本，请联系客服");
  const { values, errors } = checkParams(template.params, input.params);
  if (Object.keys(errors).length > 0) throw new AppError("BAD_REQUEST", Object.values(errors).join("；"));

  const clinic = await db.clinic.findFirst({
    where: { companyId: scope.companyId, id: { in: input.clinicIds.length ? input.clinicIds.filter((id) => scope.clinicIds.includes(id)) : scope.clinicIds } },
    orderBy: { createdAt: "asc" },
    select: { shortName: true, address: true },
  });

  let scenarios;
  try {
    scenarios = await llm.generateScriptDialogues({
      template: { ...template, description: template.description },
      params: values,
      clinic,
    });
  } catch (error) {
    if (error instanceof LlmOutputInvalid) throw new AppError("BAD_GATEWAY", `AI 生成的话术格式不正确，请重新生成${KEEP}`);
    if (error instanceof LlmUnavailable) throw new AppError("BAD_GATEWAY", `AI 服务暂时不可用，请稍后重试${KEEP}`);
    throw error;
  }

  const parsed = scenariosSchema.safeParse(scenarios);
  const problems = parsed.success ? dialogueProblems({ scenarios: parsed.data }, template.intents) : ["格式不符"];
  if (parsed.success && parsed.data[0]?.key !== template.scenarios[0]!.key) problems.push("缺少主流程");
  if (!parsed.success || problems.length > 0) {
    throw new AppError("BAD_GATEWAY", `AI 生成的话术未通过校验（${problems.slice(0, 2).join("；")}），请重新生成${KEEP}`);
  }
  return { scenarios: parsed.data, intents: template.intents, generator: llm.name };
}
