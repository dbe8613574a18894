import type { Tx } from "@/server/db/create-client";
import { clinicParamKeys, composeDialogues, parseTemplateJson, renderFixedScript, scriptDialoguesSchema, type ScriptDialogues } from "@/server/domain/templates";

export interface ScriptForCall {
  id: string;
  companyId: string;
  kind: "ai" | "fixed";
  params: unknown;
  preview: unknown;
  template: { paramSchema: unknown; scenarios: unknown; intents: unknown };
}

/**
 * What the script says at dial time: an AI script's saved (possibly edited) preview, or its template composed with its
 * parameters when none was saved; a fixed script's line with its 门店参数 read from the clinic as it is now. Unlike the
 * studio's getScriptDialogues it never throws, so a call or a classification always has a dialogue to work with.
 */
export async function scriptDialogues(db: Tx, script: ScriptForCall): Promise<ScriptDialogues> {
  const params = stringRecord(script.params);
  const template = parseTemplateJson(script.template);
  if (script.kind === "fixed") {
    const clinicId = clinicParamKeys(template.params).map((k) => params[k]).find(Boolean);
    const clinic = clinicId
      ? await db.clinic.findFirst({ where: { id: clinicId, companyId: script.companyId }, select: { shortName: true, address: true } })
      : null;
    return renderFixedScript(template, params, clinic).dialogues;
  }
  const saved = scriptDialoguesSchema.safeParse(script.preview);
  return saved.success ? saved.data : composeDialogues(template, params);
}

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}
