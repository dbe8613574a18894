import type { IntentCategory, ScriptDialogues } from "@/server/domain/templates/dialogue";
import { canonicalOf, resolveIntent, type CanonicalIntent } from "./canonical-intents";
import { detectSignals, normalizeUtterance, type Signal } from "./signals";

export interface IntentTurn {
  speaker: "ai" | "patient";
  text: string;
}

export interface ClassifyIntentInput {
  /** 营销类 treats a bare assent ("嗯嗯") as 有意向 (seed FAQ Q8). */
  category: "service" | "marketing";
  intents: readonly IntentCategory[];
  /** The script's dialogue: a patient line that is one of its replies carries the author's intent label. */
  dialogues?: ScriptDialogues | null;
  answered: boolean;
  /** For calls that were not answered: whether it rang out (无应答 / 忙线 / 拒绝) or never reached the phone. */
  notAnsweredKind?: "noAnswer" | "unreachable";
  turns: readonly IntentTurn[];
  /** Who ended an answered call: a patient who hangs up without a word refused the call. */
  hangupBy?: "callee" | "bot" | "system";
}

/** Machine-readable reason for the decision, stored with the call. */
export type IntentRule =
  | "optOutPhrase"
  | "dialogueReply"
  | "refusal"
  | "earlyRefusal"
  | "positive"
  | "askedDetails"
  | "assentMarketing"
  | "assentService"
  | "busyLater"
  | "notLocal"
  | "reschedule"
  | "discomfort"
  | "callback"
  | "dissatisfied"
  | "hungUpSilent"
  | "notAnswered"
  | "noSignal"
  /** Decided by a language model (server/domain/intent/call-analysis.ts), not by a phrase rule. */
  | "model";

export interface IntentResult {
  /** The template's intent key; null = 默认为空 (nothing decisive, or the template has no matching category). */
  intent: string | null;
  label: string | null;
  canonical: CanonicalIntent | null;
  /** The patient asked not to be called again: add them to the company's opt-out list whatever the template says. */
  optOut: boolean;
  rule: IntentRule;
}

function decide(canonical: CanonicalIntent | null, rule: IntentRule, input: ClassifyIntentInput, optOut = false): IntentResult {
  const category = canonical ? resolveIntent(canonical, input.intents) : null;
  return { intent: category?.key ?? null, label: category?.label ?? null, canonical, optOut, rule };
}

function dialogueIntent(text: string, input: ClassifyIntentInput): IntentCategory | null {
  if (!input.dialogues) return null;
  const said = normalizeUtterance(text);
  for (const scenario of input.dialogues.scenarios)
    for (const round of scenario.rounds)
      for (const reply of round.replies)
        if (reply.intent && normalizeUtterance(reply.text) === said) {
          const category = input.intents.find((c) => c.key === reply.intent);
          if (category) return category;
        }
  return null;
}

/**
 * Offline, rule-based intent of one call over the template's categories. Order: an opt-out anywhere wins; then the
 * patient's last decisive line (a scripted reply's own label, a refusal, a clear yes); then questions about price or
 * address (interest); then bare assents (营销类 → 有意向).
 */
export function classifyIntent(input: ClassifyIntentInput): IntentResult {
  if (!input.answered) return decide(input.notAnsweredKind ?? "noAnswer", "notAnswered", input);
  const patientLines = input.turns.filter((t) => t.speaker === "patient" && t.text.trim() !== "");
  if (patientLines.length === 0) {
    return input.hangupBy === "callee"
      ? decide("refused", "hungUpSilent", input)
      : { intent: null, label: null, canonical: null, optOut: false, rule: "noSignal" };
  }

  const signals = patientLines.map((t) => detectSignals(t.text));
  if (signals.some((s) => s.has("optOut"))) return decide("optOut", "optOutPhrase", input, true);

  for (let i = patientLines.length - 1; i >= 0; i--) {
    const fromDialogue = dialogueIntent(patientLines[i]!.text, input);
    if (fromDialogue) {
      const canonical = canonicalOf(fromDialogue);
      return { intent: fromDialogue.key, label: fromDialogue.label, canonical, optOut: false, rule: "dialogueReply" };
    }
    const s = signals[i]!;
    if (s.has("dissatisfied")) return decide("dissatisfied", "dissatisfied", input);
    if (s.has("discomfort")) return decide("discomfort", "discomfort", input);
    if (s.has("reschedule")) return decide("reschedule", "reschedule", input);
    if (s.has("refuse")) return decide(i === 0 ? "refused" : "notInterested", i === 0 ? "earlyRefusal" : "refusal", input);
    if (s.has("callback")) return decide("needsCallback", "callback", input);
    if (s.has("notLocal")) return decide("notLocal", "notLocal", input);
    if (s.has("later")) return decide("busyLater", "busyLater", input);
    if (s.has("positive")) return decide("interested", "positive", input);
  }
  const any = (signal: Signal) => signals.some((s) => s.has(signal));
  if (any("askPrice") || any("askAddress")) return decide("somewhatInterested", "askedDetails", input);
  if (any("assent")) {
    return input.category === "marketing"
      ? decide("interested", "assentMarketing", input)
      : decide("somewhatInterested", "assentService", input);
  }
  return { intent: null, label: null, canonical: null, optOut: false, rule: "noSignal" };
}
