/**
 * What the learned model is trained on and how it is cross-validated, shared by bench/intent/train-model.ts (training,
 * CV figures) and bench/intent/run.ts (which scores the training corpora with out-of-fold models only, never with a
 * model that saw the call). Reads exactly the corpora named in TRAINING_CORPORA; no other file under cases/ is
 * opened, listed or globbed.
 */
import { fileURLToPath } from "node:url";
import { canonicalOf } from "../../server/domain/intent/canonical-intents";
import { readByRules, type RulesReading } from "../../server/domain/intent/classify-intent";
import { allowedClasses, featuresOf, modelMayRead, refineWithModel } from "../../server/domain/intent/refine-with-model";
import type { IntentResult } from "../../server/domain/intent/classify-intent";
import { COMPLAINT, NO_COMPLAINT, NO_INTENT, trainModel, type LearnedModels } from "../../server/domain/intent/learned-model";
import { PARTY_CLASSES, partyClassOf, partyFeatures } from "../../server/domain/intent/party-model";
import { inputOfCase, loadCases, type EvalCase } from "./cases";

export const TRAINING_CORPORA = ["dev.jsonl", "dev2.jsonl", "dev3.jsonl"] as const;
export const FOLDS = 5;
export const corpusPath = (file: (typeof TRAINING_CORPORA)[number]) => fileURLToPath(new URL(`./cases/${file}`, import.meta.url));

export interface Prepared {
  c: EvalCase;
  part: string;
  reading: RulesReading;
  features: string[];
  label: string;
  allowed: string[];
  trainable: boolean;
}

export function prepare(c: EvalCase, part: string): Prepared {
  const input = inputOfCase(c);
  const reading = readByRules(input);
  const category = c.expect.intent ? input.intents.find((x) => x.key === c.expect.intent) : undefined;
  const label = category ? (canonicalOf(category) ?? c.expect.intent!) : NO_INTENT;
  return { c, part, reading, features: featuresOf(reading, input), label, allowed: allowedClasses(input), trainable: modelMayRead(reading, input) };
}

export interface TrainOptions {
  epochs: number;
  l2: number;
  lr: number;
  minCount: number;
}
/** The shipped model's options (chosen by the 5-fold CV, docs/intent.md). */
export const TRAIN_OPTIONS: TrainOptions = { epochs: 30, l2: 1e-4, lr: 0.1, minCount: 2 };

export function train(examples: readonly Prepared[], opts: TrainOptions = TRAIN_OPTIONS): LearnedModels {
  const trainable = examples.filter((e) => e.trainable);
  return {
    intent: trainModel(
      trainable.filter((e) => e.allowed.includes(e.label)),
      opts,
    ),
    complaint: trainModel(
      trainable.map((e) => ({ features: e.features, label: e.c.expect.complaint ? COMPLAINT : NO_COMPLAINT, allowed: [COMPLAINT, NO_COMPLAINT] })),
      opts,
    ),
    // Every call, machines included: the callee's words and who the labeller says answered.
    party: trainModel(
      examples.map((e) => ({
        features: partyFeatures(e.c.turns.flatMap((t) => ("patient" in t ? [t.patient] : []))),
        label: partyClassOf(e.c.expect.reached),
        allowed: [...PARTY_CLASSES],
      })),
      opts,
    ),
  };
}

/** A call's fold: a hash of its id (not the dev-val slice's hash). */
export function foldOf(id: string): number {
  let h = 7;
  for (const ch of id) h = (h * 131 + ch.charCodeAt(0)) >>> 0;
  return h % FOLDS;
}

export function loadTraining(): Prepared[] {
  return TRAINING_CORPORA.flatMap((file) => loadCases(corpusPath(file)).map((c) => prepare(c, file.replace(".jsonl", ""))));
}

/** Each training call read by the model of the folds it is not in: what the model does on calls it never saw. */
export function outOfFold(all: readonly Prepared[], opts: TrainOptions = TRAIN_OPTIONS, margin?: number): Map<string, IntentResult> {
  const out = new Map<string, IntentResult>();
  for (let k = 0; k < FOLDS; k++) {
    const model = train(all.filter((e) => foldOf(e.c.id) !== k), opts);
    for (const e of all.filter((x) => foldOf(x.c.id) === k)) out.set(e.c.id, refineWithModel(e.reading, inputOfCase(e.c), model, margin));
  }
  return out;
}
