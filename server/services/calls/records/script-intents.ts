import type { Tx } from "@/server/db/create-client";
import { intentOptions, type IntentOption } from "@/server/domain/calls/intent-label";
import { INTENT } from "@/server/domain/templates/intents";

const VOCABULARY = Object.values(INTENT);

/** Intent labels per script: the clinic's own labels, its (edited) dialogue, then its template, then the product's shared vocabulary. */
export async function loadScriptIntents(db: Tx, companyId: string, scriptIds: readonly string[]): Promise<Map<string, IntentOption[]>> {
  const ids = [...new Set(scriptIds)];
  if (ids.length === 0) return new Map();
  // One statement with the template joined (Prisma sent two): every 话单 and 客户名单 page asks this (issue 29).
  const scripts = await db.$queryRaw<{ id: string; preview: unknown; intentLabels: unknown; templateIntents: unknown }[]>`
    SELECT s.id, s.preview, s."intentLabels", t.intents AS "templateIntents"
    FROM "Script" s JOIN "ScriptTemplate" t ON t.id = s."templateId"
    WHERE s.id = ANY(${ids}::text[]) AND s."companyId" = ${companyId}`;
  return new Map(scripts.map((s) => [s.id, intentOptions(s.intentLabels, s.preview, s.templateIntents, VOCABULARY)]));
}

export const vocabularyIntents = (): IntentOption[] => intentOptions(VOCABULARY);

/** A script's own categories (the clinic's labels, its dialogue's or its template's), for choosing a label: no vocabulary. */
export async function scriptCategories(db: Tx, companyId: string, scriptId: string): Promise<IntentOption[]> {
  const script = await db.script.findFirst({ where: { id: scriptId, companyId }, select: { preview: true, intentLabels: true, template: { select: { intents: true } } } });
  return script ? intentOptions(script.intentLabels, script.preview, script.template.intents) : [];
}
