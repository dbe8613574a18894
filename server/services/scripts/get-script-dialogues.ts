import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { ScriptDialogues } from "@/server/domain/templates/dialogue";
import { renderFixedScript } from "@/server/domain/templates/compose-dialogues";
import { scriptDialoguesSchema } from "@/server/domain/templates/dialogue-schema";
import { parseTemplateJson } from "@/server/domain/templates/template-schema";
import { AppError } from "@/server/errors";
import { effectiveIntents } from "@/server/domain/intent/intent-labels";

/**
 * What a script says, for the dial engine (the carrier's CallScriptSnapshot) and the calling pages' 预览/试听:
 * AI scripts → the saved (possibly edited) preview, call variables still in place; fixed scripts → the template's
 * body with the parameters and the 门店参数 clinic's current 诊所简称/地址 substituted. Intents carry the clinic's own
 * labels (Script.intentLabels) when it has saved some.
 */
export async function getScriptDialogues(db: Tx, companyId: string, scriptId: string): Promise<ScriptDialogues & { text: string | null }> {
  const script = await db.script.findFirst({
    where: { id: scriptId, companyId },
    select: { kind: true, params: true, preview: true, intentLabels: true, template: { select: { paramSchema: true, scenarios: true, intents: true } } },
  });
  if (!script) throw AppError.notFound("话术");
  if (script.kind === "ai") {
    const preview = scriptDialoguesSchema.safeParse(script.preview);
    if (!preview.success) throw new AppError("BAD_REQUEST", "话术尚未生成外呼预览");
    return { ...preview.data, intents: effectiveIntents(script.intentLabels, preview.data.intents), text: null };
  }
  const template = parseTemplateJson(script.template);
  const params = z.record(z.string(), z.string()).catch({}).parse(script.params);
  const clinicKey = template.params.find((p) => p.kind === "clinic")?.key;
  const clinic = clinicKey && params[clinicKey]
    ? await db.clinic.findFirst({ where: { id: params[clinicKey], companyId }, select: { shortName: true, address: true } })
    : null;
  const { text, dialogues } = renderFixedScript(template, params, clinic);
  return { ...dialogues, intents: effectiveIntents(script.intentLabels, dialogues.intents), text };
}
