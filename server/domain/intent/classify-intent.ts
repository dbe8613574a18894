import type { IntentCategory, ScriptDialogues } from "@/server/domain/templates/dialogue";
import { topicOfAiLine, type AiTopic } from "./ai-topic";
import { answeringPartyOf, askedSurnameOf, isUnreached, MACHINE_PARTIES, type AnsweringParty } from "./answering-party";
import { canonicalOf, resolveIntent, type CanonicalIntent } from "./canonical-intents";
import { normalizeText } from "./normalize";
import { proposesTime } from "./proposed-time";
import { readUtterance, type Act, type ClauseReading } from "./read-utterance";
import { refineWithModel } from "./refine-with-model";

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
  /** What answered when already known from the call's outcome (a voicemail the carrier detected …). */
  answeredBy?: AnsweringParty;
  /** The carrier's own structured reading of the call, when its platform has one (an input, never the answer). */
  vendorExtraction?: VendorExtraction | null;
}

/**
 * What a carrier's platform may extract from the call itself (e.g. an AI-call vendor's 意向标签 / 通话小结 /
 * 关键信息): each field optional, as vendors differ. The rules and the model read it as one more input — a vendor
 * label is a hint mapped onto the script's categories, never trusted as the intent.
 */
export interface VendorExtraction {
  /** The vendor's own intent label, free text (「A类-有意向」, 「拒接」 …). */
  label?: string | null;
  summary?: string | null;
  /** Key/value pairs the vendor's flow collected (「预约时间」: 「周六上午」 …). */
  fields?: Record<string, string> | null;
  /** The vendor's answering-machine / voicemail detection, when it has one. */
  answeredBy?: "human" | "machine" | null;
}

/** Machine-readable reason for the decision, stored with the call. */
export type IntentRule =
  | "optOutPhrase"
  | "complaint"
  | "hostile"
  | "refuseCall"
  | "dialogueReply"
  | "refusal"
  | "earlyRefusal"
  | "brushOff"
  | "noNeedCall"
  | "positive"
  | "answerToQuestion"
  | "think"
  | "askedDetails"
  | "assentMarketing"
  | "assentService"
  | "busyLater"
  | "notLocal"
  | "reschedule"
  | "cancel"
  | "discomfort"
  | "recovered"
  | "satisfied"
  | "callback"
  | "dissatisfied"
  | "hungUpSilent"
  | "notAnswered"
  | "machine"
  | "wrongNumber"
  | "noSignal"
  /** Re-read by the learned model shipped with the rules (learned-model.ts): it disagreed with the phrase rules. */
  | "learned"
  /** Decided by a language model (server/domain/intent/call-analysis.ts), not by a phrase rule. */
  | "model"
  /** Set by a manager in the call detail (人工修正). */
  | "manual";

export interface IntentResult {
  /** The template's intent key; null = 默认为空 (nothing decisive, or the template has no matching category). */
  intent: string | null;
  label: string | null;
  canonical: CanonicalIntent | null;
  /** The patient explicitly asked not to be called again: add them to the company's opt-out list. Nothing else does. */
  optOut: boolean;
  rule: IntentRule;
  /** Who answered: a machine or a wrong number is not the patient (the call counts as not reached). */
  reached: AnsweringParty;
  /** A complaint or dissatisfaction with the clinic: 需回电 with high priority, never the DNC list. */
  complaint: boolean;
  /** The patient's words that triggered an opt-out or a complaint, shown highlighted in the transcript. */
  trigger: string | null;
  /** 0–1: how sure the decision is; low ones are listed for review. */
  confidence: number;
  /** The patient asked a person to call back (or accepted the AI's offer of one), or complained. */
  callbackRequested: boolean;
  /** The appointment time the patient proposed, as said. */
  proposedTime: string | null;
}

/** Below this a call's label is listed for a manager's review. */
export const LOW_CONFIDENCE = 0.6;

type Strength = 1 | 2 | 3 | 4;
interface Candidate {
  canonical: CanonicalIntent;
  strength: Strength;
  rule: IntentRule;
}

export type Profile = "attend" | "postOp" | "survey" | "offer";

function profileOf(intents: readonly IntentCategory[]): Profile {
  const has = (c: CanonicalIntent) => intents.some((i) => canonicalOf(i) === c);
  if (has("recovering") || has("discomfort")) return "postOp";
  if (has("satisfied") || has("dissatisfied")) return "survey";
  if (has("confirmed") || has("reschedule") || has("cancelled")) return "attend";
  return "offer";
}

export interface PatientTurn {
  text: string;
  index: number;
  topic: AiTopic;
  clauses: ClauseReading[];
  acts: Set<Act>;
}

const STRENGTH_CONFIDENCE: Record<Strength, number> = { 1: 0.55, 2: 0.75, 3: 0.9, 4: 0.9 };

function empty(rule: IntentRule, reached: AnsweringParty, confidence: number): IntentResult {
  return { intent: null, label: null, canonical: null, optOut: false, rule, reached, complaint: false, trigger: null, confidence, callbackRequested: false, proposedTime: null };
}

const plainReply = (text: string) => normalizeText(text).replace(/[，,。.！!？?]/g, "");
/** Each script's scripted replies, normalised once (not once per call). */
const scriptedReplies = new WeakMap<ScriptDialogues, Map<string, string>>();

function dialogueIntent(text: string, input: ClassifyIntentInput): IntentCategory | null {
  if (!input.dialogues) return null;
  let replies = scriptedReplies.get(input.dialogues);
  if (!replies) {
    replies = new Map();
    for (const scenario of input.dialogues.scenarios)
      for (const round of scenario.rounds)
        for (const reply of round.replies) {
          const said = plainReply(reply.text);
          if (reply.intent && said && !replies.has(said)) replies.set(said, reply.intent);
        }
    scriptedReplies.set(input.dialogues, replies);
  }
  const key = replies.get(plainReply(text));
  return key ? (input.intents.find((c) => c.key === key) ?? null) : null;
}

/** 「改到周六可以吗」「后天下午行不」「下礼拜吧」: a time offered instead, not a question about the booked one. */
const REQUEST_FORM = /(可以|行|好|好的|得|中|成|方便|有空)(吗|不|么|嘛|不行|没)?$|吧$|行不行|可不可以|能不能|好不好|成不成|中不中/;
const KEEPS_TIME = /还是|照常|原来|按时|准时|不变/;
/** 「再说吧」「看情况」 put it off; 「考虑考虑」「商量一下」 weigh it (and outweigh an earlier 「想种」 in an invitation). */
const WEAK_THINK = /再说|看情况|到时候/;

/** What one clause of a turn says, read against the AI line the turn answers. */
function candidateOf(clause: ClauseReading, position: number, turn: PatientTurn, profile: Profile, input: ClassifyIntentInput, party: AnsweringParty): Candidate | null {
  const a = clause.acts;
  const topic = turn.topic;
  const offer = profile === "offer";
  const has = (c: CanonicalIntent) => input.intents.some((i) => canonicalOf(i) === c);
  const c = (canonical: CanonicalIntent, strength: Strength, rule: IntentRule): Candidate => ({ canonical, strength, rule });
  const relative = party === "relative";
  const earlierGood = turn.clauses.slice(0, position).some((x) => x.acts.has("good") || x.acts.has("noSymptom"));

  if (a.has("refuseCall")) return c("refused", 3, "refuseCall");
  if (a.has("hostile")) return c("refused", 3, "hostile");
  // Being away outlasts what follows it (「估计一两年吧，不好说」) and explains a 「去不了」 beside it.
  if (a.has("notLocal")) return c("notLocal", 4, "notLocal");
  if (turn.acts.has("notLocal") && (a.has("refuse") || a.has("notGo") || a.has("think"))) return null;
  const proposal =
    profile === "attend" && !!proposesTime(clause.text) && REQUEST_FORM.test(clause.text) && !KEEPS_TIME.test(clause.text) && !a.has("askPrice") && !a.has("askAddress");
  if (a.has("reschedule") || proposal) return c("reschedule", 3, "reschedule");
  if (a.has("cancel") || (a.has("notGo") && profile === "attend")) return c(offer ? "notInterested" : "cancelled", 3, "cancel");
  if (a.has("notGo") && offer) return c("notInterested", 3, "refusal");
  if (a.has("callback") && has("needsCallback")) return c("needsCallback", 3, "callback");
  if (a.has("symptom") && (profile === "postOp" || profile === "survey"))
    return profile === "postOp" ? c("discomfort", 3, "discomfort") : c("dissatisfied", earlierGood ? 2 : 3, "dissatisfied");
  if (a.has("bad") && (profile === "survey" || topic === "satisfaction") && !a.has("good")) {
    const concession = earlierGood && /^(就是|只是|不过)/.test(clause.text);
    return c("dissatisfied", concession ? 2 : 3, "dissatisfied");
  }
  // 「暂时不用」「不用了」 to 「需要请医生给您回电话吗」 declines the call-back, not the visit.
  const declinesOffer = topic === "callbackOffer" || topic === "callLater";
  const recovered = (a.has("good") || a.has("noSymptom")) && (profile === "postOp" || profile === "survey");
  if (a.has("brushOff") && !declinesOffer) return c("notInterested", 3, "brushOff");
  if (a.has("refuse") && !declinesOffer && !recovered) {
    if (profile === "attend") return c(has("cancelled") ? "cancelled" : "refused", 3, "refusal");
    return c(has("notInterested") ? "notInterested" : "refused", 3, turn.index === 0 ? "earlyRefusal" : "refusal");
  }
  if (topic === "callLater" && (a.has("agree") || a.has("assent") || proposesTime(clause.text))) return c("busyLater", 2, "busyLater");
  if (a.has("think") && !(a.has("interest") && !a.has("agree"))) return c("somewhatInterested", offer && !WEAK_THINK.test(clause.text) ? 3 : 2, "think");
  if (a.has("interest")) return c(profile === "attend" ? "confirmed" : "interested", 3, "positive");
  if (a.has("busy") && !relative) return c("busyLater", 2, "busyLater");
  // 「周六上午」「下个礼拜吧」 to an invitation: a time to come is a yes.
  if (offer && !relative && proposesTime(clause.text) && !a.has("negative")) return c("interested", 3, "positive");
  if (a.has("inquire") && offer) return c("somewhatInterested", 3, "askedDetails");
  if (a.has("symptom") && offer) return c("somewhatInterested", 2, "askedDetails");
  if (a.has("good") || a.has("noSymptom")) {
    if (profile === "postOp") return c("recovering", 3, "recovered");
    if (profile === "survey") return c("satisfied", 3, "satisfied");
  }
  if (a.has("negative") && !declinesOffer) {
    if (profile === "attend") return c("reschedule", 2, "reschedule");
    if (offer) return c("notInterested", 2, "refusal");
  }
  if (a.has("noNeedCall")) {
    if (profile === "attend") return c("confirmed", 2, "noNeedCall");
    if (profile === "postOp") return c("recovering", 2, "noNeedCall");
    return c(has("notInterested") ? "notInterested" : "refused", 2, "noNeedCall");
  }
  const answering = topic !== "inform" && topic !== "closing";
  if ((a.has("agree") || a.has("assent")) && topic === "callbackOffer") return has("needsCallback") ? c("needsCallback", 2, "callback") : null;
  if (a.has("agree") && !relative) {
    if (profile === "attend") return c("confirmed", answering ? 2 : 1, "positive");
    if (offer) return c("interested", answering ? 2 : 1, "positive");
    if (profile === "survey" && topic === "satisfaction") return c("satisfied", 2, "answerToQuestion");
  }
  if (a.has("good") && !relative) return c(profile === "attend" ? "confirmed" : "interested", 1, "positive");
  if (a.has("no")) {
    if (topic === "symptom") return c("recovering", 3, "answerToQuestion");
    if (offer && !declinesOffer) return c(has("notInterested") ? "notInterested" : "refused", 2, "answerToQuestion");
  }
  if (a.has("askPrice") || a.has("askAddress") || a.has("askOther")) {
    if (offer) return c("somewhatInterested", 2, "askedDetails");
    if (profile === "attend") return c("undecided", 1, "askedDetails");
  }
  if (a.has("assent") && !relative) {
    const yesNo = answering && topic !== "identity" && topic !== "question";
    if (profile === "attend" && (topic === "attend" || topic === "book")) return c("confirmed", 2, "answerToQuestion");
    if (input.category === "marketing") return c("interested", yesNo ? 2 : 1, "assentMarketing");
    if (offer && yesNo) return c("interested", 2, "answerToQuestion");
    return c("undecided", 1, "assentService");
  }
  return null;
}

function decide(canonical: CanonicalIntent | null, rule: IntentRule, input: ClassifyIntentInput, base: Omit<IntentResult, "intent" | "label" | "canonical" | "rule">): IntentResult {
  const category = canonical ? resolveIntent(canonical, input.intents) : null;
  return { ...base, intent: category?.key ?? null, label: category?.label ?? null, canonical, rule };
}

/** Reads the patient's turns, each against the AI line it answers. */
export function readPatientTurns(turns: readonly IntentTurn[]): PatientTurn[] {
  const out: PatientTurn[] = [];
  let lastAi: string | undefined;
  for (const t of turns) {
    if (t.speaker === "ai") {
      lastAi = t.text;
      continue;
    }
    if (t.text.trim() === "") continue;
    const clauses = readUtterance(t.text);
    const acts = new Set(clauses.flatMap((c) => [...c.acts]));
    out.push({ text: t.text, index: out.length, topic: topicOfAiLine(lastAi), clauses, acts });
  }
  return out;
}

/**
 * Offline intent of one call over the template's categories, reading meaning rather than keywords:
 * 1. who answered — a voicemail, 秘书台 / 来电提醒, operator announcement or wrong number gets no patient intent;
 * 2. an explicit request not to be called (only that) → 拒绝来电 + opt-out, with the sentence kept;
 * 3. a complaint or dissatisfaction → 不满意 (or the nearest category) + 需回电, never the DNC list;
 * 4. otherwise the patient's last decisive turn, each turn read as the answer to the AI line before it (「好的」 to
 *    a call-back offer asks for one; 「不用了」 to it declines the call-back, not the visit; 「没有」 to 「有没有不舒服」
 *    is recovered), weak signals (a bare 嗯, a question) deciding only when nothing stronger was said.
 */
export function classifyIntent(input: ClassifyIntentInput): IntentResult {
  return refineWithModel(readByRules(input), input);
}

/** What the rules read of a call: their result, and the patient's turns as read (the learned model's input). */
export interface RulesReading {
  result: IntentResult;
  turns: PatientTurn[];
  profile: Profile;
}

/** The rules' reading alone (bench/intent/train-model.ts trains on it; production adds the learned model). */
export function readByRules(input: ClassifyIntentInput): RulesReading {
  const turns = input.answered ? readPatientTurns(input.turns) : [];
  const profile = profileOf(input.intents);
  return { result: classifyByRules(input, turns, profile), turns, profile };
}

function classifyByRules(input: ClassifyIntentInput, turns: PatientTurn[], profile: Profile): IntentResult {
  if (!input.answered) {
    const r = empty("notAnswered", "patient", 1);
    return decide(input.notAnsweredKind ?? "noAnswer", "notAnswered", input, r);
  }
  const heard = answeringPartyOf(turns.map((t) => t.text), askedSurnameOf(input.turns.find((t) => t.speaker === "ai")?.text));
  const party: AnsweringParty =
    heard === "patient" && input.answeredBy && input.answeredBy !== "patient"
      ? input.answeredBy
      : heard === "patient" && input.vendorExtraction?.answeredBy === "machine" && turns.length === 0
        ? "voicemail"
        : heard;
  if (isUnreached(party)) {
    const result = empty(MACHINE_PARTIES.includes(party) ? "machine" : "wrongNumber", party, 0.95);
    // Whoever holds a wrong number may ask not to be called again (the number is flagged and put on the DNC list).
    const optOutTurn = party === "wrongNumber" ? turns.find((t) => t.acts.has("optOut")) : undefined;
    return optOutTurn ? { ...result, optOut: true, trigger: optOutTurn.text } : result;
  }
  if (turns.length === 0) {
    const r = empty("noSignal", party, 0.5);
    return input.hangupBy === "callee" ? decide("refused", "hungUpSilent", input, { ...r, confidence: 0.8 }) : r;
  }

  const callbackAsked = turns.some(
    (t) => t.acts.has("callback") || ((t.acts.has("agree") || t.acts.has("assent")) && t.topic === "callbackOffer" && !t.acts.has("declineCallback")),
  );
  const proposedTime = lastProposedTime(turns);
  const base = { optOut: false, reached: party, complaint: false, trigger: null, confidence: 0.9, callbackRequested: callbackAsked, proposedTime };

  const optOutTurn = turns.find((t) => t.acts.has("optOut"));
  const complaintTurn = turns.find((t) => t.acts.has("complaint"));
  if (optOutTurn) {
    return decide("optOut", "optOutPhrase", input, {
      ...base,
      optOut: true,
      complaint: !!complaintTurn,
      trigger: optOutTurn.text,
      confidence: 0.95,
      callbackRequested: false,
    });
  }
  // A complaint is 不满意 where the script has it; elsewhere (a reminder) the call keeps what the patient decided about the
  // visit and carries the complaint beside it. Either way it goes on the 需回电 list with high priority.
  const complaintCategory = complaintTurn ? resolveIntent("dissatisfied", input.intents) : null;
  const complaintCanonical = complaintCategory ? canonicalOf(complaintCategory) : null;
  if (complaintTurn && (complaintCanonical === "dissatisfied" || complaintCanonical === "needsCallback"))
    return decide(complaintCanonical, "complaint", input, { ...base, complaint: true, trigger: complaintTurn.text });

  // Every clause's reading in order; the decision is the last of the strongest (a later 「好的」 to the AI's reaction does
  // not undo an earlier 「改到周六吧」, a later 「算了，还是明天去吧」 does).
  const candidates: { candidate: Candidate & { scripted?: IntentCategory }; turn: PatientTurn }[] = [];
  for (const turn of turns) {
    const scripted = dialogueIntent(turn.text, input);
    if (scripted) {
      candidates.push({ candidate: { canonical: canonicalOf(scripted) ?? "undecided", strength: 3, rule: "dialogueReply", scripted }, turn });
      continue;
    }
    turn.clauses.forEach((clause, i) => {
      const candidate = candidateOf(clause, i, turn, profile, input, party);
      if (candidate) candidates.push({ candidate, turn });
    });
  }
  const complaint = complaintTurn ? { complaint: true, trigger: complaintTurn.text } : {};
  if (candidates.length === 0) return { ...empty("noSignal", party, 0.5), ...base, confidence: 0.5, ...complaint };
  const top = Math.max(...candidates.map((x) => x.candidate.strength));
  const strongest = candidates.filter((x) => x.candidate.strength === top);
  const pick = strongest.at(-1)!;
  const conflicting = new Set(strongest.map((x) => x.candidate.canonical)).size > 1;

  const confidence = STRENGTH_CONFIDENCE[pick.candidate.strength] * (conflicting ? 0.85 : 1);
  const dissatisfied = pick.candidate.canonical === "dissatisfied";
  const result = { ...base, confidence, complaint: dissatisfied, trigger: dissatisfied ? pick.turn.text : null, ...complaint };
  const scripted = pick.candidate.scripted;
  if (scripted) return { ...result, intent: scripted.key, label: scripted.label, canonical: pick.candidate.canonical, rule: "dialogueReply" };
  return decide(pick.candidate.canonical, pick.candidate.rule, input, result);
}

function lastProposedTime(turns: readonly PatientTurn[]): string | null {
  for (let i = turns.length - 1; i >= 0; i--) {
    const turn = turns[i]!;
    for (let j = turn.clauses.length - 1; j >= 0; j--) {
      const time = proposesTime(turn.clauses[j]!.text);
      if (time) return time;
    }
  }
  return null;
}
