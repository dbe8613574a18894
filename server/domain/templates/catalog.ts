import { MARKETING_TEMPLATES } from "./ai-templates-marketing";
import { SERVICE_TEMPLATES } from "./ai-templates-service";
import { SERVICE_TEMPLATES_MORE } from "./ai-templates-service-more";
import { FIXED_TEMPLATES } from "./fixed-templates";
import type { ScriptTemplateDefinition } from "./template-types";

/** The 14 preset AI templates (seed §3), in the order the studio lists them. */
export const AI_TEMPLATES: readonly ScriptTemplateDefinition[] = [...SERVICE_TEMPLATES, ...SERVICE_TEMPLATES_MORE, ...MARKETING_TEMPLATES].sort(
  (a, b) => a.sortOrder - b.sortOrder,
);

/** Preset 固定模版话术. */
export { FIXED_TEMPLATES };

export const PRESET_TEMPLATES: readonly ScriptTemplateDefinition[] = [...AI_TEMPLATES, ...FIXED_TEMPLATES];

export function presetTemplate(key: string): ScriptTemplateDefinition | undefined {
  return PRESET_TEMPLATES.find((t) => t.key === key);
}
