import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import { canonicalOf } from "@/server/domain/intent/canonical-intents";
import { MAPPABLE_INTENTS, MAX_CUSTOM_INTENTS, effectiveIntents } from "@/server/domain/intent/intent-labels";
import type { IntentCategory } from "@/server/domain/templates/dialogue";
import { intentOptions } from "@/server/domain/calls/intent-label";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { visibleScript } from "./visible-script";

export const getIntentLabelsInput = z.object({ scriptId: z.string().min(1) });

/** The script's categories before the clinic's labels: its dialogue's (AI scripts), else its template's. */
export async function baseIntentsOf(db: Tx, scope: Scope, scriptId: string) {
  const script = await db.script.findFirst({
    where: { id: scriptId, ...visibleScript(scope) },
    select: { id: true, name: true, preview: true, intentLabels: true, template: { select: { intents: true } } },
  });
  if (!script) throw AppError.notFound("话术");
  const own = intentOptions(script.preview);
  const base: IntentCategory[] = own.length ? own : intentOptions(script.template.intents);
  return { script, base };
}

/** 意向标签 of a script: each category (renamable), what it means, and the canonical meanings a new one may take. */
export async function getIntentLabels(db: Tx, scope: Scope, raw: z.input<typeof getIntentLabelsInput>) {
  const { scriptId } = getIntentLabelsInput.parse(raw);
  const { script, base } = await baseIntentsOf(db, scope, scriptId);
  const baseKeys = new Set(base.map((b) => b.key));
  return {
    scriptId: script.id,
    scriptName: script.name,
    maxCustom: MAX_CUSTOM_INTENTS,
    labels: effectiveIntents(script.intentLabels, base).map((i) => ({
      key: i.key,
      label: i.label,
      canonical: canonicalOf(i),
      custom: !baseKeys.has(i.key),
      original: base.find((b) => b.key === i.key)?.label ?? null,
    })),
    canonicalOptions: MAPPABLE_INTENTS.map((i) => ({ key: i.key, label: i.label })),
  };
}
