import { answeringPartyOf, type AnsweringParty } from "./answering-party";
import { scoreClasses, type IntentModel } from "./learned-model";
import { normalizeText } from "./normalize";
import { readUtterance } from "./read-utterance";

/**
 * The learned backstop for who answered: a logistic regression over the character n-grams of everything the callee
 * side said (trained with the intent model by `npm run intent:train`, shipped in intent-model.json). The phrase rules
 * (answering-party.ts) decide first; the model may only turn a call the rules gave to the patient into a machine or a
 * wrong number, when it is very sure and the callee neither affirmed who they are nor asked not to be called or
 * complained (those are a person's acts: a machine never produces a DNC entry or a complaint).
 */
export const PARTY_CLASSES = ["patient", "voicemail", "secretary", "operator", "wrongNumber"] as const;
const ALLOWED = new Set<string>(PARTY_CLASSES);
/** How sure the model must be to overrule the rules' 「patient」 (5-fold CV, docs/intent.md: no person turned machine). */
export const PARTY_THRESHOLD = 0.9;
/** 「我是机主」「是我」「我就是」: the person says who they are. */
const AFFIRMS = /我是机主|我就是|^(喂[，,]?)?是我|[，,]是我[，,。]|我是本人|本人就是/;

/** A relative is a person who may speak for the patient: the model tells people from machines and wrong numbers only. */
export function partyClassOf(party: AnsweringParty): (typeof PARTY_CLASSES)[number] {
  return party === "relative" ? "patient" : party;
}

export function partyFeatures(calleeLines: readonly string[]): string[] {
  const f = new Set<string>(["bias"]);
  const text = `^${calleeLines.map(normalizeText).join("|").replace(/[，,。.！!？?；;：:、…—~～\s-]+/g, "|")}$`;
  for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= text.length; i++) f.add(`p:${text.slice(i, i + n)}`);
  return [...f];
}

/** The party the model reads where the rules heard the patient; the rules' party otherwise. */
export function partyByModel(calleeLines: readonly string[], rulesParty: AnsweringParty, model: IntentModel | null | undefined): { party: AnsweringParty; p: number } {
  if (rulesParty !== "patient" || !model) return { party: rulesParty, p: 1 };
  const said = calleeLines.map(normalizeText).join("，");
  if (!said || AFFIRMS.test(said)) return { party: rulesParty, p: 1 };
  const top = scoreClasses(model, partyFeatures(calleeLines), ALLOWED)[0];
  return top && top.label !== "patient" && top.p >= PARTY_THRESHOLD ? { party: top.label as AnsweringParty, p: top.p } : { party: rulesParty, p: 1 };
}

/**
 * Who answered a call, from its callee lines, as post-call analysis reads it (the dialer's 通话状态 uses this so the two
 * agree): the rules, then the learned backstop unless a person's act (an opt-out, a complaint) was heard.
 */
export function calleePartyOf(calleeLines: readonly string[], askedSurname: string | null, model: IntentModel | null | undefined): AnsweringParty {
  const rules = answeringPartyOf(calleeLines, askedSurname);
  if (rules !== "patient" || !model) return rules;
  const personActs = calleeLines.some((l) => readUtterance(l).some((c) => c.acts.has("optOut") || c.acts.has("complaint")));
  return personActs ? rules : partyByModel(calleeLines, rules, model).party;
}
