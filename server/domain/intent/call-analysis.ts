import { z } from "zod";
import { canonicalOf } from "./canonical-intents";
import { classifyIntent, type ClassifyIntentInput, type IntentResult } from "./classify-intent";
import { normalizeText } from "./normalize";

/**
 * What post-call analysis stores on a call: the intent (over the script's categories) and what the rules read with it
 * (who answered, complaint, opt-out and its trigger sentence, 需回电, proposed time, confidence), plus what a model can
 * add — a one-sentence summary and the reason for the intent.
 */
export interface CallAnalysis extends IntentResult {
  summary: string | null;
  reason: string | null;
}

/** Whether any patient line asks for a person to call back, by the same reading as intents. */
export function callbackAskedByRules(input: ClassifyIntentInput): boolean {
  return classifyIntent(input).callbackRequested;
}

/**
 * The offline reader's version, stored as Call.analyzedBy when it decided, so a stored analysis says what produced it.
 * Bumped when the reading changes meaningfully: rules-v2 (issue 25) reads who answered by the announcements' structure,
 * with a learned backstop (party-model.ts), and ships a model trained on dev + dev2 + dev3.
 */
export const RULES_ANALYZER = "rules-v2";

/** The offline analysis: the rules' reading; no summary or reason. A vendor's extracted time fills a missing one. */
export function analyzeByRules(input: ClassifyIntentInput): CallAnalysis {
  const r = classifyIntent(input);
  const vendorTime = input.vendorExtraction?.fields?.["预约时间"] ?? input.vendorExtraction?.fields?.["proposedTime"] ?? null;
  // The vendor heard the patient ask for a person (是否需要人工回电, issue 24): 需回电 even when the words escaped the rules.
  const vendorCallback = r.reached === "patient" && input.vendorExtraction?.fields?.["是否需要人工回电"] === "是";
  return {
    ...r,
    callbackRequested: r.callbackRequested || vendorCallback,
    proposedTime: r.proposedTime ?? (r.reached === "patient" ? vendorTime : null),
    summary: null,
    reason: null,
  };
}

/** Whether a model has anything to read: an answered call in which a person (not a machine) said something. */
export function worthModelAnalysis(input: ClassifyIntentInput): boolean {
  if (!input.answered || !input.turns.some((t) => t.speaker === "patient" && t.text.trim() !== "")) return false;
  const reached = classifyIntent(input).reached;
  return reached === "patient" || reached === "relative";
}

/** The JSON a model must answer with (validated; the intent is checked against the script's categories afterwards). */
export const modelAnalysisSchema = z.object({
  intent: z.string().max(60).nullable(),
  summary: z.string().trim().min(1).max(200),
  reason: z.string().trim().min(1).max(200),
  callbackRequested: z.boolean(),
  proposedTime: z.string().trim().max(60).nullable(),
  optOut: z.boolean().default(false),
  complaint: z.boolean().default(false),
  /** The patient's own sentence behind optOut or complaint, quoted. */
  trigger: z.string().trim().max(200).nullable().default(null),
  confidence: z.number().min(0).max(1).nullable().default(null),
});
export type ModelAnalysis = z.output<typeof modelAnalysisSchema>;

export class ModelAnalysisInvalid extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelAnalysisInvalid";
  }
}

const ABOUT_CALLS = /打|电话|联系|来电|号码|拉黑|骚扰|名单|删|通知|推销/;

const plain = (s: string) => normalizeText(s).replace(/[，,。.！!？?、；;：:"“”'‘’]/g, "");

/** The patient line a model's quote comes from, or null when the patient never said it (an invented trigger). */
function quotedPatientLine(quote: string | null, input: ClassifyIntentInput): string | null {
  if (!quote) return null;
  const q = plain(quote);
  if (q.length < 2) return null;
  return input.turns.find((t) => t.speaker === "patient" && (plain(t.text).includes(q) || q.includes(plain(t.text)) && plain(t.text).length >= 2))?.text ?? null;
}

/**
 * A model's answer as a CallAnalysis over the script's categories. The intent must be one of them (by key, or by its
 * exact label); anything else is invalid output. The model's reading is the answer — the rules do not override it
 * (a complaint the model reads as a call-back request stays one) — except for two product rules:
 * - 营销类's bare「嗯嗯」= 有意向 (seed FAQ Q8), when the patient said nothing but bare assents;
 * - the DNC list needs an explicit request in the patient's own words: the model's opt-out counts only with a trigger
 *   it quotes from the patient (or the rules' own explicit phrase) and never for a complaint alone.
 */
export function analysisFromModel(output: ModelAnalysis, input: ClassifyIntentInput, rules: IntentResult): CallAnalysis {
  let category = null as (typeof input.intents)[number] | null;
  if (output.intent !== null && output.intent !== "") {
    category = input.intents.find((c) => c.key === output.intent) ?? input.intents.find((c) => c.label === output.intent) ?? null;
    if (!category) throw new ModelAnalysisInvalid(`意向「${output.intent}」不在话术的意向列表中`);
  }
  const quoted = quotedPatientLine(output.trigger, input);
  // DNC needs the patient's own words about being called (a quoted complaint, 「我要投诉」, asks nothing about calls).
  const optOut = output.optOut && ((quoted !== null && ABOUT_CALLS.test(normalizeText(output.trigger ?? ""))) || rules.optOut);
  const complaint = output.complaint;
  const details = {
    summary: output.summary,
    reason: output.reason,
    callbackRequested: output.callbackRequested || complaint,
    proposedTime: output.proposedTime || null,
    reached: rules.reached,
    optOut,
    complaint,
    trigger: optOut || complaint ? (quoted ?? (optOut && rules.optOut ? rules.trigger : null)) : null,
    confidence: output.confidence ?? 0.8,
  };
  if (rules.rule === "assentMarketing") return { ...rules, ...details, optOut: false, complaint: false, trigger: null };
  return {
    intent: category?.key ?? null,
    label: category?.label ?? null,
    canonical: category ? canonicalOf(category) : null,
    rule: "model",
    ...details,
  };
}
