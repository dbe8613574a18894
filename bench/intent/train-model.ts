/**
 * Trains the offline reader's learned model (server/domain/intent/learned-model.ts) and measures it by cross-validation.
 *
 *   npx tsx bench/intent/train-model.ts            # 5-fold CV over dev + dev2 + dev3: rules alone vs rules + model
 *   npx tsx bench/intent/train-model.ts --write    # train on all of dev + dev2 + dev3, write server/domain/intent/intent-model.json
 *   (npm run intent:train = --write; options --epochs= --l2= --lr= --min-count= --margin= for experiments)
 *
 * Reads only the corpora in learn.ts's TRAINING_CORPORA. Deterministic: the same corpora give the same weights, byte
 * for byte; no network.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MACHINE_PARTIES } from "../../server/domain/intent/answering-party";
import type { IntentResult } from "../../server/domain/intent/classify-intent";
import { MODEL_MARGIN, refineWithModel } from "../../server/domain/intent/refine-with-model";
import { serializeModel } from "../../server/domain/intent/learned-model";
import { inputOfCase, type EvalCase } from "./cases";
import { corpusPath, FOLDS, loadTraining, outOfFold, prepare, train, TRAIN_OPTIONS, TRAINING_CORPORA, type Prepared } from "./learn";
import { legacyCases } from "./legacy-cases";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const margin = Number(arg("margin") ?? MODEL_MARGIN);
const opts = {
  epochs: Number(arg("epochs") ?? TRAIN_OPTIONS.epochs),
  l2: Number(arg("l2") ?? TRAIN_OPTIONS.l2),
  lr: Number(arg("lr") ?? TRAIN_OPTIONS.lr),
  minCount: Number(arg("min-count") ?? TRAIN_OPTIONS.minCount),
};

interface Tally {
  n: number;
  strict: number;
  lenient: number;
  optTrue: number;
  optRight: number;
  optWanted: number;
  optCaught: number;
  machines: number;
  machineHit: number;
  peopleAsMachines: number;
  wrong: number;
  wrongHit: number;
  peopleAsWrong: number;
  complaints: number;
  complaintHit: number;
  complaintFlagged: number;
  changed: number;
}
const tally = (): Tally => ({ n: 0, strict: 0, lenient: 0, optTrue: 0, optRight: 0, optWanted: 0, optCaught: 0, machines: 0, machineHit: 0, peopleAsMachines: 0, wrong: 0, wrongHit: 0, peopleAsWrong: 0, complaints: 0, complaintHit: 0, complaintFlagged: 0, changed: 0 });

function count(t: Tally, c: EvalCase, r: IntentResult, rules: IntentResult) {
  t.n++;
  if (r.intent === c.expect.intent) t.strict++;
  if (r.intent === c.expect.intent || (r.intent !== null && c.expect.alsoAcceptable.includes(r.intent))) t.lenient++;
  if (r.optOut) {
    t.optTrue++;
    if (c.expect.optOut) t.optRight++;
  }
  if (c.expect.optOut) {
    t.optWanted++;
    if (r.optOut) t.optCaught++;
  }
  const machine = MACHINE_PARTIES.includes(c.expect.reached);
  if (machine) {
    t.machines++;
    if (MACHINE_PARTIES.includes(r.reached)) t.machineHit++;
  } else if (MACHINE_PARTIES.includes(r.reached)) t.peopleAsMachines++;
  if (c.expect.reached === "wrongNumber") {
    t.wrong++;
    if (r.reached === "wrongNumber") t.wrongHit++;
  } else if (r.reached === "wrongNumber") t.peopleAsWrong++;
  if (c.expect.complaint) {
    t.complaints++;
    if (r.complaint) t.complaintHit++;
  }
  if (r.complaint) t.complaintFlagged++;
  if (r.intent !== rules.intent) t.changed++;
}

const pct = (a: number, b: number) => (b === 0 ? "—" : `${((100 * a) / b).toFixed(1)}%`);
function line(name: string, t: Tally) {
  return `${name.padEnd(28)} n=${String(t.n).padStart(3)}  strict ${pct(t.strict, t.n).padStart(6)}  lenient ${pct(t.lenient, t.n).padStart(6)}  opt-out P ${pct(t.optRight, t.optTrue)} (wrongful DNC ${t.optTrue - t.optRight}) R ${pct(t.optCaught, t.optWanted)}  machines ${t.machineHit}/${t.machines} (people as machines ${t.peopleAsMachines})  wrong numbers ${t.wrongHit}/${t.wrong} (others as wrong numbers ${t.peopleAsWrong})  complaints ${t.complaintHit}/${t.complaints} (flagged ${t.complaintFlagged}, P ${pct(t.complaintHit, t.complaintFlagged)})${t.changed ? `  changed ${t.changed}` : ""}`;
}

function crossValidate(all: Prepared[]) {
  const rules = { all: tally(), dev: tally(), dev2: tally(), dev3: tally() };
  const blended = { all: tally(), dev: tally(), dev2: tally(), dev3: tally() };
  const oof = outOfFold(all, opts, margin);
  for (const e of all) {
    for (const key of ["all", e.part] as const) {
      count(rules[key as "all"], e.c, e.reading.result, e.reading.result);
      count(blended[key as "all"], e.c, oof.get(e.c.id)!, e.reading.result);
    }
  }
  // The first set (legacy: other conventions, AI lines that never react) is no training data: scored by a model
  // trained on all of the development parts, as a check that what is learned carries over.
  const full = train(all, opts);
  const legacyRules = tally();
  const legacyBlend = tally();
  for (const c of legacyCases()) {
    const e = prepare(c, "legacy");
    count(legacyRules, c, e.reading.result, e.reading.result);
    count(legacyBlend, c, refineWithModel(e.reading, inputOfCase(c), full, margin), e.reading.result);
  }
  console.log(`${FOLDS}-fold cross-validation over ${TRAINING_CORPORA.join(" + ")} (${all.length} calls; folds by a hash of the id; options ${JSON.stringify({ ...opts, margin })})`);
  for (const key of ["all", "dev", "dev2", "dev3"] as const) {
    console.log(line(`rules alone — ${key}`, rules[key]));
    console.log(line(`rules + model (CV) — ${key}`, blended[key]));
  }
  console.log(line("rules alone — legacy", legacyRules));
  console.log(line("rules + model — legacy", legacyBlend));
}

function main() {
  const all = loadTraining();
  if (process.argv.includes("--write")) {
    const model = train(all, opts);
    const trainedOn = Object.fromEntries(TRAINING_CORPORA.map((file) => [file, createHash("sha256").update(readFileSync(corpusPath(file))).digest("hex")]));
    const out = fileURLToPath(new URL("../../server/domain/intent/intent-model.json", import.meta.url));
    writeFileSync(out, `${JSON.stringify(serializeModel(model, trainedOn), null, 1)}\n`);
    console.log(`wrote ${out}: intent ${model.intent.weights.size} features × ${model.intent.classes.length} classes, complaint ${model.complaint?.weights.size ?? 0} features, party ${model.party?.weights.size ?? 0} features`);
  } else crossValidate(all);
}

main();
