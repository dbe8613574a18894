import type { PrismaClient } from "@/server/db/create-client";
import { analyzeByRules, RULES_ANALYZER, worthModelAnalysis } from "@/server/domain/intent/call-analysis";
import { parseTranscript } from "@/server/domain/calls/transcript";
import { IntentModelError, type CallAnalysis, type ClassifyIntentInput, type IntentClassifier } from "@/server/ports/intent";
import type { ScriptDialogues } from "@/server/domain/templates/dialogue";
import { AppError } from "@/server/errors";
import { intentOptions } from "@/server/domain/calls/intent-label";
import { getScriptDialogues } from "@/server/services/scripts/get-script-dialogues";
import { setCallAnalysis, type CallAnalysisMeta } from "./set-call-analysis";
import type { AnsweringParty } from "@/server/domain/intent/answering-party";
import { extractedAnswersOf, extractionForAnalysis } from "@/server/domain/vendor/ai-call-features";

/** The party a not-reached 通话状态 already tells (applyAttemptResult read it from the transcript or the carrier). */
const PARTY_OF_OUTCOME: Partial<Record<string, AnsweringParty>> = {
  voicemail: "voicemail",
  secretary: "secretary",
  operatorMessage: "operator",
  wrongNumber: "wrongNumber",
};

/** Outcomes that never reached the phone: their intent is 无法接通 rather than 未接. */
const UNREACHABLE = new Set(["poweredOff", "emptyNumber", "suspended", "inArrears", "unreachable", "carrierBlocked", "networkBusy", "failed", "cancelled"]);

export type ClassifyCallIntentResult =
  | (CallAnalysis & { callId: string; changed: boolean; status: CallAnalysisMeta["status"]; error: string | null })
  | null;

/**
 * Post-call analysis of one finished call over its script's intent categories, stored through setCallAnalysis. A call
 * already analysed keeps its analysis unless `force` (重新分析 after the rules, the model or the script changed) — and
 * then no model is asked again (only the rules, for the opt-out flag a retried pipeline still needs). With a model
 * classifier the rules run first; on any model error or timeout their result stands and the failure is recorded on
 * the call (analysisStatus modelFailed + analysisError), so a call is never left without an intent. Null for a call
 * that has not ended.
 */
export async function classifyCallIntent(
  db: PrismaClient,
  callId: string,
  options: { classifier: IntentClassifier; force?: boolean; now?: Date },
): Promise<ClassifyCallIntentResult> {
  const call = await db.call.findUnique({
    where: { id: callId },
    select: {
      id: true,
      taskId: true,
      attempt: true,
      outcome: true,
      carrierOutcome: true,
      hangupBy: true,
      intent: true,
      analyzedAt: true,
      analysisStatus: true,
      analysisError: true,
      intentCorrectedAt: true,
      transcript: true,
      vendorExtraction: true,
      script: { select: { id: true, companyId: true, category: true } },
    },
  });
  if (!call?.outcome) return null;

  const dialogues = await readScriptDialogues(db, call.script.companyId, call.script.id);
  const input: ClassifyIntentInput = {
    category: call.script.category,
    intents: dialogues.intents,
    dialogues,
    answered: call.outcome === "answered" || PARTY_OF_OUTCOME[call.outcome] !== undefined,
    answeredBy: PARTY_OF_OUTCOME[call.outcome],
    notAnsweredKind: UNREACHABLE.has(call.carrierOutcome ?? call.outcome) ? "unreachable" : "noAnswer",
    turns: parseTranscript(call.transcript),
    hangupBy: call.hangupBy === "callee" || call.hangupBy === "bot" || call.hangupBy === "system" ? call.hangupBy : undefined,
    vendorExtraction: extractionForAnalysis(extractedAnswersOf(call.vendorExtraction)),
  };
  const rules = analyzeByRules(input);

  // Analysed before and not forced, or corrected by a manager (人工修正 outlives 重新分析): keep what is stored (the
  // opt-out flag is still reported, for retries).
  if (((call.intent !== null || call.analyzedAt !== null) && !options.force) || call.intentCorrectedAt) {
    const label = dialogues.intents.find((i) => i.key === call.intent)?.label ?? null;
    const status = call.analysisStatus ?? "rules";
    return { ...rules, intent: call.intent, label, callId: call.id, changed: false, status, error: call.analysisError };
  }

  const { classifier } = options;
  const meta: CallAnalysisMeta = { status: "rules", by: RULES_ANALYZER, error: null, at: options.now ?? new Date() };
  let analysis = rules;
  if (classifier.kind === "model" && worthModelAnalysis(input)) {
    try {
      analysis = await classifier.classify(input);
      Object.assign(meta, { status: "model", by: classifier.name });
    } catch (error) {
      const message = error instanceof IntentModelError ? `${error.code}: ${error.message}` : `unavailable: ${String(error)}`;
      Object.assign(meta, { status: "modelFailed", error: message.slice(0, 500) });
      console.warn(`[intent] model analysis of call ${call.id} failed, rules stand — ${message}`);
    }
  } else if (classifier.kind === "rules" && classifier.name !== RULES_ANALYZER) {
    analysis = await classifier.classify(input);
    meta.by = classifier.name;
  }

  const { changed } = await setCallAnalysis(db, call, analysis, meta);
  return { ...analysis, callId: call.id, changed, status: meta.status, error: meta.error };
}

/**
 * The script's dialogue and categories; a script whose dialogue cannot be read (an AI script without a valid preview)
 * is still classified over its intent labels (its own, then its template's), without the scripted replies.
 */
async function readScriptDialogues(db: PrismaClient, companyId: string, scriptId: string): Promise<ScriptDialogues> {
  try {
    const { text: _text, ...dialogues } = await getScriptDialogues(db, companyId, scriptId);
    return dialogues;
  } catch (error) {
    if (!(error instanceof AppError) || error.code === "NOT_FOUND") throw error;
    const script = await db.script.findFirst({ where: { id: scriptId, companyId }, select: { preview: true, template: { select: { intents: true } } } });
    const own = intentOptions(script?.preview);
    return { scenarios: [], intents: own.length ? own : intentOptions(script?.template.intents) };
  }
}
