import type { IntentCategory, ScenarioDialogue } from "./dialogue";

export type ScriptKind = "ai" | "fixed";
/** 诊疗服务类 / 营销类: decides the carrier's interception rules (seed Q9). */
export type ScriptCategory = "service" | "marketing";

/**
 * One field of a template's parameter form (设置参数). Values are strings; `clinic` holds a clinic id whose 诊所简称 and
 * 地址 are spoken (固定话术's 门店参数), read live so clinic edits apply at once.
 */
export interface TemplateParam {
  key: string;
  label: string;
  /** Shown with a red * in the form. */
  required: boolean;
  kind: "text" | "textarea" | "select" | "clinic";
  options?: string[];
  defaultValue?: string;
  placeholder?: string;
  /** Characters; defaults to 60 (text) / 200 (textarea). */
  maxLength?: number;
  hint?: string;
}

/**
 * A template as the code defines it (presets) and as `ScriptTemplate` rows store it. `scenarios` is the blueprint: the
 * dialogue written with `{param}` placeholders, `[optional segments]` and call variables (see call-variables.ts).
 * For fixed templates the blueprint has one scenario whose single AI line is the spoken `body`.
 */
export interface ScriptTemplateDefinition {
  key: string;
  kind: ScriptKind;
  name: string;
  category: ScriptCategory;
  description: string;
  params: TemplateParam[];
  intents: IntentCategory[];
  scenarios: ScenarioDialogue[];
  /** Fixed templates: the spoken text. */
  body?: string;
  /** Default voice (音色) key. */
  voiceKey: string;
  sortOrder: number;
}
