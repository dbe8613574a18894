import { canonicalOf, resolveIntent, type CanonicalIntent } from "./canonical-intents";
import type { ClassifyIntentInput, IntentResult, RulesReading } from "./classify-intent";
import { callFeatures, COMPLAINT, NO_COMPLAINT, NO_INTENT, parseModel, scoreClasses, type IntentModelFile, type LearnedModels } from "./learned-model";
import { partyByModel } from "./party-model";
import type { Act } from "./read-utterance";
import modelFile from "./intent-model.json" with { type: "json" };

/**
 * The second half of the offline reader: the learned model (weights in intent-model.json, trained by
 * `npm run intent:train`) re-reads what the rules read (classify-intent.ts). Training (bench/intent) uses the same
 * features and guards, so production and the bench cannot drift.
 */
let shipped: LearnedModels | null | undefined;
export function shippedModel(): LearnedModels | null {
  if (shipped === undefined) {
    const file = modelFile as IntentModelFile;
    shipped = file.weights
      ? { intent: parseModel(file), complaint: file.complaint ? parseModel(file.complaint) : null, party: file.party ? parseModel(file.party) : null }
      : null;
  }
  return shipped;
}

/** The complaint model's probability above which a call carries a complaint the rules did not see (5-fold CV). */
export const COMPLAINT_THRESHOLD = 0.5;
const BOTH = new Set([COMPLAINT, NO_COMPLAINT]);

/** How much more probable the model's reading must be than the rules' one to replace it (5-fold CV, docs/intent.md). */
export const MODEL_MARGIN = 0.2;

const NOT_DIALOGUE = new Set<CanonicalIntent>(["noAnswer", "unreachable", "optOut"]);

/** The learned model's features for a call as the rules read it (shared by production and the training script). */
export function featuresOf(reading: RulesReading, input: ClassifyIntentInput): string[] {
  const { result, turns, profile } = reading;
  const category = result.intent ? input.intents.find((c) => c.key === result.intent) : undefined;
  return callFeatures({
    category: input.category,
    profile,
    party: result.reached,
    rulesIntent: category ? (canonicalOf(category) ?? result.intent) : null,
    rulesRule: result.rule,
    rulesConfidence: result.confidence,
    hangupBy: input.hangupBy,
    turns,
  });
}

/** The classes the model may choose for a script: the canonical intents of its dialogue categories, and none. */
export function allowedClasses(input: ClassifyIntentInput): string[] {
  const out = new Set<string>([NO_INTENT]);
  for (const c of input.intents) {
    const canonical = canonicalOf(c);
    if (canonical && !NOT_DIALOGUE.has(canonical)) out.add(canonical);
  }
  return [...out];
}

/** Whether the learned model may re-read this call: a person spoke, and the rules decided no opt-out. */
export function modelMayRead(reading: RulesReading, input: ClassifyIntentInput): boolean {
  const r = reading.result;
  if (!input.answered || reading.turns.length === 0 || r.optOut || (r.reached !== "patient" && r.reached !== "relative")) return false;
  // 「喂？」「你是谁」「听不清」 and nothing else: nothing decisive was said (the guide's null), whatever the n-grams suggest.
  return reading.turns.some((t) => [...t.acts].some((a) => !IDLE_ACTS.has(a)));
}
const IDLE_ACTS = new Set<Act>(["who", "noise", "thanks"]);

/**
 * The rules' reading, re-read by the learned model where it may: the intent becomes the model's most probable category
 * of the script. Who answered, the opt-out (DNC) and the complaint stay the rules' — the model can neither put a
 * number on the DNC list nor take a complaint off the 需回电 list.
 */
export function refineWithModel(reading: RulesReading, input: ClassifyIntentInput, models: LearnedModels | null = shippedModel(), margin = MODEL_MARGIN): IntentResult {
  const unreached = unreachedByModel(reading, models);
  if (unreached) return unreached;
  if (!models || !modelMayRead(reading, input)) return reading.result;
  const r = readIntentWithModel(reading, input, models, margin);
  // A survey call that carries a grievance is 不满意 (the labelling guide), whichever half of the reader heard it.
  if (r.complaint && !reading.result.complaint && reading.profile === "survey" && (r.intent === null || ["satisfied", "undecided"].includes(r.canonical ?? ""))) {
    const dissatisfied = resolveIntent("dissatisfied", input.intents);
    if (dissatisfied && canonicalOf(dissatisfied) === "dissatisfied") return { ...r, intent: dissatisfied.key, label: dissatisfied.label, canonical: "dissatisfied", rule: "learned" };
  }
  return r;
}

/** A call the rules gave to the patient that the party model reads, very surely, as a machine or a wrong number. */
function unreachedByModel(reading: RulesReading, models: LearnedModels | null): IntentResult | null {
  const r = reading.result;
  if (!models?.party || r.reached !== "patient" || r.optOut || r.complaint || reading.turns.length === 0) return null;
  const { party, p } = partyByModel(reading.turns.map((t) => t.text), r.reached, models.party);
  if (party === r.reached) return null;
  return { intent: null, label: null, canonical: null, optOut: false, rule: "learned", reached: party, complaint: false, trigger: null, confidence: p, callbackRequested: false, proposedTime: null };
}

function readIntentWithModel(reading: RulesReading, input: ClassifyIntentInput, models: LearnedModels, margin: number): IntentResult {
  const features = featuresOf(reading, input);
  const r = models.complaint ? withLearnedComplaint(reading, input, models.complaint, features) : reading.result;
  const model = models.intent;
  const ranked = scoreClasses(model, features, new Set(allowedClasses(input)));
  const top = ranked[0];
  if (!top) return r;
  const category = top.label === NO_INTENT ? null : resolveIntent(top.label as CanonicalIntent, input.intents);
  if ((category?.key ?? null) === r.intent) return { ...r, confidence: Math.max(r.confidence, top.p) };
  const rulesCategory = r.intent ? input.intents.find((c) => c.key === r.intent) : undefined;
  const rulesLabel = rulesCategory ? (canonicalOf(rulesCategory) ?? r.intent) : NO_INTENT;
  const rulesP = ranked.find((x) => x.label === rulesLabel)?.p ?? 0;
  // The rules keep a call the model is not clearly surer about.
  if (top.p - rulesP < margin) return { ...r, confidence: Math.min(r.confidence, 1 - top.p + rulesP) };
  return { ...r, intent: category?.key ?? null, label: category?.label ?? null, canonical: category ? canonicalOf(category) : null, rule: "learned", confidence: top.p };
}

/**
 * A grievance the rules' phrases missed (「跑了三趟才做完」「说好的一次弄完结果来了四回」) still reaches a person: the
 * complaint model may add a complaint — with the patient's turn it reads most strongly as one as the trigger — but never
 * removes one, and a complaint never touches the DNC list.
 */
function withLearnedComplaint(reading: RulesReading, input: ClassifyIntentInput, model: LearnedModels["intent"], features: string[]): IntentResult {
  const r = reading.result;
  if (r.complaint) return r;
  const p = scoreClasses(model, features, BOTH).find((x) => x.label === COMPLAINT)?.p ?? 0;
  if (p < COMPLAINT_THRESHOLD) return r;
  let trigger = reading.turns.at(-1)!.text;
  let best = -1;
  for (const turn of reading.turns) {
    const alone = featuresOf({ ...reading, turns: [turn] }, input);
    const q = scoreClasses(model, alone, BOTH).find((x) => x.label === COMPLAINT)?.p ?? 0;
    if (q > best) [best, trigger] = [q, turn.text];
  }
  return { ...r, complaint: true, trigger };
}
