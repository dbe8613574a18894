import { z } from "zod";
import type { IntentCategory, ScenarioDialogue } from "./dialogue";
import { scenarioDialogueSchema } from "./dialogue-schema";
import type { TemplateParam } from "./template-types";

export const templateParamSchema = z.object({
  key: z.string().min(1),
  label: z.string().min(1),
  required: z.boolean(),
  kind: z.enum(["text", "textarea", "select", "clinic"]),
  options: z.array(z.string()).optional(),
  defaultValue: z.string().optional(),
  placeholder: z.string().optional(),
  maxLength: z.number().int().positive().optional(),
  hint: z.string().optional(),
});

const intentSchema = z.object({ key: z.string().min(1), label: z.string().min(1) });

/**
 * Reads a stored template's Json columns. Rows written by hand (custom templates, fixtures) may not hold a full
 * blueprint; what does not parse is read as empty, and generating from such a template then says so.
 */
export function parseTemplateJson(row: { paramSchema: unknown; scenarios: unknown; intents: unknown }): {
  params: TemplateParam[];
  scenarios: ScenarioDialogue[];
  intents: IntentCategory[];
} {
  const params = z.array(templateParamSchema).safeParse(row.paramSchema);
  const scenarios = z.array(scenarioDialogueSchema).safeParse(row.scenarios);
  const intents = z.array(intentSchema).safeParse(row.intents);
  return {
    params: params.success ? params.data : [],
    scenarios: scenarios.success ? scenarios.data : [],
    intents: intents.success ? intents.data : [],
  };
}
