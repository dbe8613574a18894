/** Script templates: the dialogue shape, the preset catalogue, parameters, rendering and the offline composition. */
export type { DialogueReply, DialogueRound, IntentCategory, ScenarioDialogue, ScriptDialogues } from "./dialogue";
export type { ScriptCategory, ScriptKind, ScriptTemplateDefinition, TemplateParam } from "./template-types";
export { AI_TEMPLATES, FIXED_TEMPLATES, PRESET_TEMPLATES, presetTemplate } from "./catalog";
export { CALL_VARIABLES, callVariablesIn, dataRequirementsOf, fillCallVariables, fromEditableText, isCallVariable, toEditableText } from "./call-variables";
export type { CallDataRequirement, CallVariable } from "./call-variables";
export { checkParams, clinicParamKeys, defaultParams, paramMaxLength, type ParamValues } from "./params";
export { paramKeysIn, renderTemplateText, templateTextForDisplay } from "./render-text";
export { composeDialogues, dialogueTexts, renderFixedScript, restoreClinicVariables, type TemplateBlueprint } from "./compose-dialogues";
export { dialogueProblems, scenariosSchema, scriptDialoguesSchema, DIALOGUE_LIMITS } from "./dialogue-schema";
export { INTENT, OUTCOME_INTENT_KEYS } from "./intents";
export { DEFAULT_VOICE_KEY, VOICES, VOICE_LIMITS, espeakArgs, voiceByKey, type VoiceDefinition } from "./voices";
export { SCENARIO_NAMES } from "./blueprint";
export { parseTemplateJson, templateParamSchema } from "./template-schema";
