import { z } from "zod";
import { canonicalOf } from "./canonical-intents";
import { classifyIntent, type ClassifyIntentInput, type IntentResult } from "./classify-intent";
import { detectSignals } from "./signals";

/**
 * What post-call analysis stores on a call: the intent (over the script's categories), plus what a model can tell and
 * rules mostly cannot — a one-sentence summary, the reason for the intent, whether the patient asked a person to call
 * back (需回电) and the appointment time the patient proposed.
 */
export interface CallAnalysis extends IntentResult {
  summary: string | null;
  reason: string | null;
  callbackRequested: boolean;
  proposedTime: string | null;
}

/** Whether any patient line asks for a person to call back (人工 / 回电 …), by the same phrase rules as intents. */
export function callbackAskedByRules(input: ClassifyIntentInput): boolean {
  return input.turns.some((t) => t.speaker === "patient" && detectSignals(t.text).has("callback"));
}

/** The rules' version, stored as Call.analyzedBy when they decided. */
export const RULES_ANALYZER = "rules-v1";

/** The offline analysis: rule-based intent and 需回电 from the callback phrases; no summary, reason or time. */
export function analyzeByRules(input: ClassifyIntentInput): CallAnalysis {
  return { ...classifyIntent(input), summary: null, reason: null, callbackRequested: callbackAskedByRules(input), proposedTime: null };
}

/** Whether a model has anything to read: an answered call in which the patient said something. */
export function worthModelAnalysis(input: ClassifyIntentInput): boolean {
  return input.answered && input.turns.some((t) => t.speaker === "patient" && t.text.trim() !== "");
}

/** The JSON a model must answer with (validated; the intent is checked against the script's categories afterwards). */
export const modelAnalysisSchema = z.object({
  intent: z.string().max(60).nullable(),
  summary: z.string().trim().min(1).max(200),
  reason: z.string().trim().min(1).max(200),
  callbackRequested: z.boolean(),
  proposedTime: z.string().trim().max(60).nullable(),
  optOut: z.boolean().default(false),
});
export type ModelAnalysis = z.output<typeof modelAnalysisSchema>;

export class ModelAnalysisInvalid extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelAnalysisInvalid";
  }
}

/**
 * A model's answer as a CallAnalysis over the script's categories. The intent must be one of them (by key, or by its
 * exact label); anything else is invalid output. Two product rules are not left to the model's judgement: an opt-out
 * phrase (the number goes on the company's opt-out list) and 营销类's bare「嗯嗯」= 有意向 (seed FAQ Q8) keep the rules'
 * intent; the model's summary, reason, call-back flag and proposed time are kept either way.
 */
export function analysisFromModel(output: ModelAnalysis, input: ClassifyIntentInput, rules: IntentResult): CallAnalysis {
  let category = null as (typeof input.intents)[number] | null;
  if (output.intent !== null && output.intent !== "") {
    category = input.intents.find((c) => c.key === output.intent) ?? input.intents.find((c) => c.label === output.intent) ?? null;
    if (!category) throw new ModelAnalysisInvalid(`意向「${output.intent}」不在话术的意向列表中`);
  }
  const details = {
    summary: output.summary,
    reason: output.reason,
    callbackRequested: output.callbackRequested,
    proposedTime: output.proposedTime || null,
  };
  if (rules.rule === "optOutPhrase" || rules.rule === "assentMarketing") return { ...rules, ...details, optOut: rules.optOut };
  return {
    intent: category?.key ?? null,
    label: category?.label ?? null,
    canonical: category ? canonicalOf(category) : null,
    optOut: output.optOut,
    rule: "model",
    ...details,
  };
}
