import type { AiTopic } from "./ai-topic";
import type { AnsweringParty } from "./answering-party";
import { normalizeText } from "./normalize";
import type { ClauseReading } from "./read-utterance";

/**
 * The learned half of the offline reader: a multinomial logistic regression over what the rules read (their intent,
 * the rule that decided, each turn's speech acts against the AI line it answers) and the character n-grams of the
 * patient's words. It is trained from the development corpora by `npm run intent:train` (bench/intent/train-model.ts,
 * deterministic, no network) and shipped as intent-model.json; at run time it is a sparse dot product (microseconds).
 * It only re-reads the intent among the template's own categories: who answered, the opt-out (DNC) and the complaint
 * stay the rules' decisions (docs/intent.md says why).
 */
export const NO_INTENT = "∅";

export interface ModelTurn {
  text: string;
  topic: AiTopic;
  clauses: readonly ClauseReading[];
}

export interface FeatureContext {
  category: "service" | "marketing";
  profile: string;
  party: AnsweringParty;
  rulesIntent: string | null;
  rulesRule: string;
  rulesConfidence: number;
  hangupBy?: string;
  turns: readonly ModelTurn[];
}

const PUNCT = /[，,。.！!？?；;：:、"“”'‘’\s]+/g;

function ngrams(text: string, prefix: string, min: number, max: number, out: Set<string>) {
  const s = `^${text}$`;
  for (let n = min; n <= max; n++) for (let i = 0; i + n <= s.length; i++) out.add(`${prefix}${s.slice(i, i + n)}`);
}

/** The features of one call (set semantics: each present feature has value 1). */
export function callFeatures(ctx: FeatureContext): string[] {
  const f = new Set<string>();
  const ri = ctx.rulesIntent ?? NO_INTENT;
  f.add("bias");
  f.add(`P:${ctx.profile}`);
  f.add(`C:${ctx.category}`);
  f.add(`R:${ri}`);
  f.add(`RR:${ctx.rulesRule}`);
  f.add(`RI:${ctx.rulesRule}|${ri}`);
  f.add(`RC:${ri}|${ctx.rulesConfidence >= 0.85 ? "hi" : ctx.rulesConfidence >= 0.7 ? "mid" : "lo"}`);
  f.add(`W:${ctx.party}`);
  f.add(`N:${Math.min(ctx.turns.length, 4)}`);
  if (ctx.hangupBy === "callee") f.add("H:callee");
  const idle = new Set(["who", "noise", "thanks", "askOther"]);
  const said = ctx.turns.flatMap((t) => t.clauses.flatMap((c) => [...c.acts]));
  if (said.every((a) => idle.has(a))) f.add(`IDLE:${said.length === 0 ? "none" : "only"}`);
  ctx.turns.forEach((turn, i) => {
    const last = i === ctx.turns.length - 1;
    const acts = new Set(turn.clauses.flatMap((c) => [...c.acts]));
    // A reply to 「需要医生给您回电吗」 or 「什么时候再打给您」 is about that offer, not the visit: its own namespace.
    const aside = turn.topic === "callbackOffer" || turn.topic === "callLater";
    for (const act of acts) {
      f.add(`TA:${turn.topic}|${act}`);
      if (aside) {
        f.add(`X:${ctx.profile}|${act}`);
        continue;
      }
      f.add(`A:${act}`);
      f.add(`PA:${ctx.profile}|${act}`);
      if (last) f.add(`LA:${act}`);
    }
    if (acts.size === 0) f.add(`TA:${turn.topic}|none`);
    const lastClause = turn.clauses.at(-1);
    if (last && lastClause && !aside) {
      for (const act of lastClause.acts) f.add(`LC:${ctx.profile}|${act}`);
      if (lastClause.question) f.add("LQ");
    }
    const text = normalizeText(turn.text).replace(PUNCT, "|");
    if (aside) {
      ngrams(text, "x:", 2, 3, f);
      return;
    }
    ngrams(text, "g:", 1, 3, f);
    if (last) ngrams(text, "l:", 2, 3, f);
  });
  return [...f];
}

export interface ModelPart {
  classes: string[];
  /** "feature\tclass:weight,class:weight\n…" (weights ×1000, rounded): compact, and cheap for the type checker. */
  weights: string;
}

export interface IntentModelFile extends ModelPart {
  version: number;
  /** sha256 of each training corpus, so a test can tell the shipped model was trained on today's corpora. */
  trainedOn: Record<string, string>;
  /** complaint / none: whether the patient voiced a grievance a person must handle (only ever adds a complaint). */
  complaint?: ModelPart;
  /** Who answered (patient / voicemail / secretary / operator / wrongNumber), the rules' backstop (party-model.ts). */
  party?: ModelPart;
}

export interface IntentModel {
  classes: string[];
  weights: Map<string, [number, number][]>;
}

export function parseModel(file: ModelPart): IntentModel {
  const weights = new Map<string, [number, number][]>();
  for (const line of file.weights.split("\n")) {
    if (!line) continue;
    const tab = line.lastIndexOf("\t");
    const pairs = line
      .slice(tab + 1)
      .split(",")
      .map((p) => {
        const [c, w] = p.split(":");
        return [Number(c), Number(w) / 1000] as [number, number];
      });
    weights.set(line.slice(0, tab), pairs);
  }
  return { classes: file.classes, weights };
}

/** Probabilities over the allowed classes (the template's categories and ∅), highest first. */
export function scoreClasses(model: IntentModel, features: readonly string[], allowed: ReadonlySet<string>): { label: string; p: number }[] {
  const z = new Array<number>(model.classes.length).fill(0);
  for (const name of features) {
    const w = model.weights.get(name);
    if (w) for (const [c, v] of w) z[c]! += v;
  }
  const idx = model.classes.map((_, i) => i).filter((i) => allowed.has(model.classes[i]!));
  if (idx.length === 0) return [];
  const max = Math.max(...idx.map((i) => z[i]!));
  const exp = idx.map((i) => Math.exp(z[i]! - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return idx.map((i, k) => ({ label: model.classes[i]!, p: exp[k]! / sum })).sort((a, b) => b.p - a.p);
}

/** Deterministic training (Adagrad, L2), softmax restricted to each example's allowed classes. */
export function trainModel(
  examples: readonly { features: readonly string[]; label: string; allowed: readonly string[] }[],
  opts: { epochs?: number; l2?: number; lr?: number; minCount?: number } = {},
): IntentModel {
  const epochs = opts.epochs ?? 30;
  const l2 = opts.l2 ?? 1e-4;
  const lr = opts.lr ?? 0.3;
  const minCount = opts.minCount ?? 2;
  const classes = [...new Set(examples.flatMap((e) => [e.label, ...e.allowed]))].sort();
  const ci = new Map(classes.map((c, i) => [c, i]));
  const counts = new Map<string, number>();
  for (const e of examples) for (const name of e.features) counts.set(name, (counts.get(name) ?? 0) + 1);
  const kept = [...counts.entries()].filter(([, n]) => n >= minCount).map(([name]) => name).sort();
  const fi = new Map(kept.map((name, i) => [name, i]));
  const K = classes.length;
  const W = new Float64Array(kept.length * K);
  const G = new Float64Array(kept.length * K).fill(1e-8);
  const data = examples.map((e) => ({
    x: e.features.map((name) => fi.get(name)).filter((i): i is number => i !== undefined),
    y: ci.get(e.label)!,
    allowed: e.allowed.map((c) => ci.get(c)!),
  }));
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const { x, y, allowed } = data[k]!;
      const z = allowed.map((c) => x.reduce((s, f) => s + W[f * K + c]!, 0));
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const sum = e.reduce((a, b) => a + b, 0);
      allowed.forEach((c, a) => {
        const g = e[a]! / sum - (c === y ? 1 : 0);
        for (const f of x) {
          const idx = f * K + c;
          const grad = g + l2 * W[idx]!;
          G[idx]! += grad * grad;
          W[idx]! -= (lr * grad) / Math.sqrt(G[idx]!);
        }
      });
    }
  }
  const weights = new Map<string, [number, number][]>();
  kept.forEach((name, f) => {
    const pairs: [number, number][] = [];
    for (let c = 0; c < K; c++) {
      const w = Math.round(W[f * K + c]! * 1000);
      if (w !== 0) pairs.push([c, w / 1000]);
    }
    if (pairs.length) weights.set(name, pairs);
  });
  return { classes, weights };
}

function serializePart(model: IntentModel): ModelPart {
  const lines = [...model.weights.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, pairs]) => `${name.replace(/[\t\n]/g, " ")}\t${pairs.map(([c, w]) => `${c}:${Math.round(w * 1000)}`).join(",")}`);
  return { classes: model.classes, weights: lines.join("\n") };
}

export function serializeModel(models: LearnedModels, trainedOn: Record<string, string>): IntentModelFile {
  return {
    version: 2,
    trainedOn,
    ...serializePart(models.intent),
    ...(models.complaint ? { complaint: serializePart(models.complaint) } : {}),
    ...(models.party ? { party: serializePart(models.party) } : {}),
  };
}

/** The intent model and, when trained, the complaint model. */
export interface LearnedModels {
  intent: IntentModel;
  complaint: IntentModel | null;
  /** Who answered, read where the rules heard the patient (party-model.ts); absent in models trained before it. */
  party?: IntentModel | null;
}

export const COMPLAINT = "complaint";
export const NO_COMPLAINT = "none";
