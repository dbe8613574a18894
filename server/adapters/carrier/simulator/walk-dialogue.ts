import type { DialogueReply, ScriptDialogues } from "@/server/domain/templates/dialogue";
import { canonicalOf, leaningOfIntent } from "@/server/domain/intent/canonical-intents";
import { fillCallVariables } from "@/server/domain/templates/call-variables";
import { detectSignals } from "@/server/domain/intent/signals";
import { stableHash, type Persona } from "./number-behaviour";

export interface SpokenLine {
  speaker: "ai" | "patient";
  text: string;
}

export interface WalkedDialogue {
  lines: SpokenLine[];
  /** AI line + patient reply pairs (对话轮次). */
  rounds: number;
  hangupBy: "callee" | "bot";
}

const MAX_AI_LINES = 14;

const PATIENT_LINES: Record<"assent" | "askPrice" | "askAddress" | "optOut" | "refuse", string[]> = {
  assent: ["嗯嗯", "嗯", "哦，嗯嗯"],
  askPrice: ["那大概多少钱啊？", "费用是多少？", "现在做有优惠吗，多少钱？"],
  askAddress: ["你们诊所在哪里啊？", "地址在哪，怎么过去？", "具体位置在哪？"],
  optOut: ["以后不要再给我打电话了", "别再打了，我不需要", "你们别再打这个号码了"],
  refuse: ["不需要，谢谢", "不用了，我没兴趣", "不考虑，挂了"],
};

/** Fills the call variables ({clinicShortName} …); a variable without a value is left unsaid rather than read out. */
export function renderLine(text: string, variables: Record<string, string>): string {
  return fillCallVariables(text, variables).replace(/\{[^{}\s]{1,40}\}/g, "").replace(/\s{2,}/g, " ").trim();
}

type Leaning = "positive" | "weakPositive" | "negative" | "optOut" | "question" | "neutral";

function leaningOf(reply: DialogueReply, dialogues: ScriptDialogues): Leaning {
  const category = reply.intent ? dialogues.intents.find((i) => i.key === reply.intent) : undefined;
  const s = detectSignals(reply.text);
  if (s.has("optOut")) return "optOut";
  const byIntent = leaningOfIntent(category ? canonicalOf(category) : null);
  if (byIntent) return byIntent;
  if (s.has("refuse")) return "negative";
  if (s.has("askPrice") || s.has("askAddress")) return "question";
  if (s.has("positive") || s.has("assent")) return "positive";
  return "neutral";
}

const pick = <T>(items: readonly T[], seed: string): T => items[stableHash(seed) % items.length]!;

/**
 * Walks the script's scenarios as a patient with the given persona would: the AI speaks each round's line, the patient
 * answers with the scripted reply that fits the persona (or, for "嗯嗯" / questions / opt-outs, in their own words), and
 * the reply's `next` decides where the AI goes. Deterministic for a (dialogues, persona, seed).
 */
export function walkDialogue(
  dialogues: ScriptDialogues,
  persona: Persona,
  variables: Record<string, string>,
  seed: string,
): WalkedDialogue {
  const lines: SpokenLine[] = [];
  const say = (speaker: SpokenLine["speaker"], text: string) => {
    if (text) lines.push({ speaker, text });
  };
  const byKey = new Map(dialogues.scenarios.map((s) => [s.key, s]));
  const findScenario = (re: RegExp) => dialogues.scenarios.find((s, i) => i > 0 && (re.test(s.key) || re.test(s.name)));
  const visits = new Map<string, number>();
  let scenario = dialogues.scenarios[0];
  let roundIndex = 0;
  let rounds = 0;
  let asked = false;

  while (scenario && lines.filter((l) => l.speaker === "ai").length < MAX_AI_LINES) {
    if (roundIndex === 0) {
      const seen = (visits.get(scenario.key) ?? 0) + 1;
      visits.set(scenario.key, seen);
      if (seen > 2) break;
    }
    const round = scenario.rounds[roundIndex];
    if (!round) break;
    say("ai", renderLine(round.ai, variables));
    const step = `${seed}:${scenario.key}:${roundIndex}`;
    if (round.replies.length === 0) break; // a closing line: the bot hangs up

    if (persona === "hangsUp") return { lines, rounds, hangupBy: "callee" };
    if (persona === "optOut" && rounds >= 1) {
      say("patient", pick(PATIENT_LINES.optOut, step));
      return { lines, rounds: rounds + 1, hangupBy: "callee" };
    }
    if ((persona === "asksPrice" || persona === "asksAddress") && !asked) {
      asked = true;
      const price = persona === "asksPrice";
      const scripted = round.replies.find((r) => detectSignals(r.text).has(price ? "askPrice" : "askAddress"));
      if (scripted) {
        say("patient", renderLine(scripted.text, variables));
        rounds++;
        if (scripted.next.kind === "end") break;
        const target = scripted.next.kind === "scenario" ? byKey.get(scripted.next.scenario) : scenario;
        if (!target) break;
        roundIndex = scripted.next.kind === "scenario" ? 0 : roundIndex + 1;
        scenario = target;
        continue;
      }
      say("patient", pick(price ? PATIENT_LINES.askPrice : PATIENT_LINES.askAddress, step));
      rounds++;
      const detour = findScenario(price ? /price|价格|费用|多少钱/i : /address|地址|位置|在哪/i) ?? findScenario(/price-address|价格地址/i);
      if (detour) {
        scenario = detour;
        roundIndex = 0;
        continue;
      }
      // No scripted answer: the AI carries on with the next round.
      roundIndex++;
      continue;
    }

    const wanted: Leaning[] =
      persona === "refuses"
        ? ["negative", "optOut", "neutral"]
        : persona === "optOut"
          ? ["neutral", "weakPositive", "positive"]
          : ["positive", "weakPositive", "neutral", "question"];
    const candidates = wanted.map((w) => round.replies.filter((r) => leaningOf(r, dialogues) === w)).find((c) => c.length > 0);
    const reply = candidates ? pick(candidates, step) : pick(round.replies, step);

    if (persona === "assent" && leaningOf(reply, dialogues) !== "negative") say("patient", pick(PATIENT_LINES.assent, step));
    else if (persona === "refuses" && !candidates) {
      say("patient", pick(PATIENT_LINES.refuse, step));
      return { lines, rounds: rounds + 1, hangupBy: "callee" };
    } else say("patient", renderLine(reply.text, variables));
    rounds++;

    if (reply.next.kind === "end") break;
    if (reply.next.kind === "scenario") {
      const next = byKey.get(reply.next.scenario);
      if (!next) break;
      scenario = next;
      roundIndex = 0;
    } else roundIndex++;
  }
  return { lines, rounds, hangupBy: "bot" };
}
