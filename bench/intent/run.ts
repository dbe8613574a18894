/**
 * Intent bench: `npx tsx bench/intent/run.ts [--part=dev,dev2,dev3,held-out,corrections,legacy] [--concurrency=4] [--show-misses]`.
 *
 * Scores post-call analysis on hand-written calls, per part:
 * - dev       — bench/intent/cases/dev.jsonl: the rules' authors may read it (four fifths; one fifth, picked by a hash of
 *               the id, is kept aside as their own validation and shown as dev-val);
 * - dev2      — bench/intent/cases/dev2.jsonl: a second development part, written later and read freely;
 * - dev3      — bench/intent/cases/dev3.jsonl: a third development part (machines, operator announcements, phone
 *               assistants, wrong numbers, relatives and people who only sound like machines), read freely;
 * - held-out  — bench/intent/cases/held-out.jsonl: written blind to the rules; nothing but this runner and the case
 *               validator reads it (tests/…/held-out-separation checks), and its misses are never listed;
 * - corrections — bench/intent/cases/corrections.jsonl when present: managers' 人工修正 exported from a database;
 * - legacy    — the project's first set (bench/intent/dataset.ts).
 * For each: accuracy strict (the label) and lenient (or one of alsoAcceptable) overall, per template and per tag;
 * opt-out precision/recall and wrongful DNC; complaint recall; machine and wrong-number detection; 需回电 and proposed
 * time; ms per call. With INTENT_LLM_BASE_URL / INTENT_LLM_MODEL (+ key; each falling back to LLM_*), a model column
 * too (a failed request counts as wrong; "fallback" is what production stores: the rules' answer when the model fails).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LlmIntentClassifier } from "../../server/adapters/intent/llm-classifier";
import { analyzeByRules, worthModelAnalysis, type CallAnalysis } from "../../server/domain/intent/call-analysis";
import { MACHINE_PARTIES } from "../../server/domain/intent/answering-party";
import { inputOfCase, isValidationSlice, loadCases, type EvalCase } from "./cases";
import type { IntentResult } from "../../server/domain/intent/classify-intent";
import { loadTraining, outOfFold } from "./learn";
import { legacyCases } from "./legacy-cases";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const parts = (arg("part") ?? "dev,dev2,dev3,held-out,corrections,legacy").split(",");
const concurrency = Number(arg("concurrency") ?? "4");
const showMisses = process.argv.includes("--show-misses");
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

const baseURL = process.env.INTENT_LLM_BASE_URL || process.env.LLM_BASE_URL;
const modelName = process.env.INTENT_LLM_MODEL || process.env.LLM_MODEL;
const model =
  baseURL && modelName
    ? new LlmIntentClassifier({
        baseURL,
        model: modelName,
        apiKey: process.env.INTENT_LLM_API_KEY || process.env.LLM_API_KEY,
        timeoutMs: Number(process.env.INTENT_LLM_TIMEOUT_MS ?? 30_000),
        maxRetries: 2,
      })
    : null;

interface Scored {
  c: EvalCase;
  rules: CallAnalysis;
  model: CallAnalysis | null;
  modelError: string | null;
}

/**
 * The offline reader's analysis of each case. The learned model is trained on dev + dev2 + dev3, so those parts are scored
 * with out-of-fold models (bench/intent/learn.ts: each call read by a model trained without its fold) — never by the
 * shipped model, which has seen them.
 */
async function score(cases: EvalCase[], outOfFold?: Map<string, IntentResult>): Promise<Scored[]> {
  const offline = (c: EvalCase): CallAnalysis => {
    const oof = outOfFold?.get(c.id);
    return oof ? { ...oof, summary: null, reason: null } : analyzeByRules(inputOfCase(c));
  };
  const out: Scored[] = cases.map((c) => ({ c, rules: offline(c), model: null, modelError: null }));
  if (!model) return out;
  const queue = [...out];
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      const input = inputOfCase(s.c);
      if (!worthModelAnalysis(input)) s.model = s.rules; // production never asks the model about silent calls or machines
      else {
        try {
          s.model = await model.classify(input);
        } catch (error) {
          s.modelError = error instanceof Error ? error.message : String(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

const pct = (hit: number, n: number) => (n === 0 ? "—" : `${((100 * hit) / n).toFixed(1)}%`);
const strict = (a: CallAnalysis | null, c: EvalCase) => !!a && a.intent === c.expect.intent;
const lenient = (a: CallAnalysis | null, c: EvalCase) => !!a && (a.intent === c.expect.intent || (a.intent !== null && c.expect.alsoAcceptable.includes(a.intent)));

function row(label: string, group: Scored[]) {
  const n = group.length;
  const cells = [label.padEnd(34), String(n).padStart(4)];
  cells.push(pct(group.filter((s) => strict(s.rules, s.c)).length, n).padStart(8), pct(group.filter((s) => lenient(s.rules, s.c)).length, n).padStart(8));
  if (model) {
    cells.push(pct(group.filter((s) => strict(s.model, s.c)).length, n).padStart(8), pct(group.filter((s) => lenient(s.model, s.c)).length, n).padStart(8));
    cells.push(pct(group.filter((s) => strict(s.model ?? s.rules, s.c)).length, n).padStart(9));
  }
  return cells.join("  ");
}

const plainTime = (t: string | null) => (t ?? "").replace(/[\s的，,。]/g, "");
const timeMatches = (got: string | null, want: string | null) => {
  const g = plainTime(got);
  const w = plainTime(want);
  return g === w || (g !== "" && w !== "" && (g.includes(w) || w.includes(g)));
};

function flags(label: string, scored: Scored[], pick: (s: Scored) => CallAnalysis | null) {
  const got = scored.map((s) => ({ s, a: pick(s) }));
  const optTrue = got.filter(({ a }) => a?.optOut);
  const optRight = optTrue.filter(({ s }) => s.c.expect.optOut).length;
  const optWanted = got.filter(({ s }) => s.c.expect.optOut);
  const wrongfulDnc = optTrue.filter(({ s }) => !s.c.expect.optOut);
  const machines = got.filter(({ s }) => MACHINE_PARTIES.includes(s.c.expect.reached));
  const machineHit = machines.filter(({ a }) => a && MACHINE_PARTIES.includes(a.reached)).length;
  const people = got.filter(({ s }) => !MACHINE_PARTIES.includes(s.c.expect.reached));
  const falseMachine = people.filter(({ a }) => a && MACHINE_PARTIES.includes(a.reached)).length;
  const wrong = got.filter(({ s }) => s.c.expect.reached === "wrongNumber");
  const wrongHit = wrong.filter(({ a }) => a?.reached === "wrongNumber").length;
  const complaints = got.filter(({ s }) => s.c.expect.complaint);
  const complaintFlagged = got.filter(({ a }) => a?.complaint);
  const callbackRight = got.filter(({ s, a }) => (a?.callbackRequested ?? false) === s.c.expect.callback).length;
  const timed = got.filter(({ s }) => s.c.expect.proposedTime !== null || s.c.id.startsWith("d") || s.c.id.startsWith("h"));
  const timeRight = timed.filter(({ s, a }) => timeMatches(a?.proposedTime ?? null, s.c.expect.proposedTime)).length;
  console.log(`  ${label}:`);
  console.log(`    opt-out precision ${pct(optRight, optTrue.length)} (${optRight}/${optTrue.length}), recall ${pct(optWanted.filter(({ a }) => a?.optOut).length, optWanted.length)} (${optWanted.filter(({ a }) => a?.optOut).length}/${optWanted.length}); wrongful DNC: ${wrongfulDnc.length}`);
  console.log(`    complaint recall ${pct(complaints.filter(({ a }) => a?.complaint).length, complaints.length)} (${complaints.filter(({ a }) => a?.complaint).length}/${complaints.length}), precision ${pct(complaintFlagged.filter(({ s }) => s.c.expect.complaint).length, complaintFlagged.length)}; complaints put on DNC: ${complaints.filter(({ s, a }) => a?.optOut && !s.c.expect.optOut).length}`);
  console.log(`    machine detection ${pct(machineHit, machines.length)} (${machineHit}/${machines.length}); people read as machines: ${falseMachine}; wrong numbers ${pct(wrongHit, wrong.length)} (${wrongHit}/${wrong.length})`);
  console.log(`    需回电 ${pct(callbackRight, got.length)}; proposed time ${pct(timeRight, timed.length)} (${timeRight}/${timed.length})`);
  return wrongfulDnc;
}

function msPerCall(cases: EvalCase[]): number {
  const inputs = cases.map(inputOfCase);
  const rounds = Math.max(1, Math.ceil(2000 / Math.max(1, inputs.length)));
  for (const i of inputs) analyzeByRules(i); // warm-up
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const i of inputs) analyzeByRules(i);
  return (performance.now() - t0) / (rounds * inputs.length);
}

function report(name: string, scored: Scored[], listMisses: boolean) {
  const header = ["group".padEnd(34), "n".padStart(4), "strict".padStart(8), "lenient".padStart(8), ...(model ? ["model".padStart(8), "m-len".padStart(8), "fallback".padStart(9)] : [])].join("  ");
  console.log(`\n══ ${name} — ${scored.length} calls${model ? ` — model ${modelName}` : ""}`);
  console.log(header);
  console.log("-".repeat(header.length));
  console.log(row("all", scored));
  for (const t of [...new Set(scored.map((s) => s.c.template))].sort()) console.log(row(`template: ${t}`, scored.filter((s) => s.c.template === t)));
  for (const tag of [...new Set(scored.flatMap((s) => s.c.tags))].sort()) console.log(row(`tag: ${tag}`, scored.filter((s) => s.c.tags.includes(tag))));
  for (const r of [...new Set(scored.map((s) => s.c.expect.reached))].sort()) console.log(row(`reached: ${r}`, scored.filter((s) => s.c.expect.reached === r)));
  const wrongful = flags("offline (rules + learned model)", scored, (s) => s.rules);
  if (model) flags("model", scored, (s) => s.model);
  console.log(`    offline reader: ${msPerCall(scored.map((s) => s.c)).toFixed(3)} ms per call`);
  if (model) console.log(`    model failures (rules used): ${scored.filter((s) => s.modelError).length}`);
  if (listMisses) {
    for (const w of wrongful) console.log(`    WRONGFUL DNC ${w.s.c.id}`);
    console.log("  misses (strict):");
    for (const s of scored.filter((x) => !strict(x.rules, x.c) || x.rules.optOut !== x.c.expect.optOut || x.rules.complaint !== x.c.expect.complaint || (MACHINE_PARTIES.includes(x.c.expect.reached) !== MACHINE_PARTIES.includes(x.rules.reached)))) {
      const patient = s.c.turns.map((t) => ("patient" in t ? t.patient : null)).filter((t) => t !== null).join(" | ");
      const flagsGot = `${s.rules.optOut ? " optOut" : ""}${s.rules.complaint ? " complaint" : ""}${s.rules.reached !== "patient" ? ` ${s.rules.reached}` : ""}`;
      const flagsWant = `${s.c.expect.optOut ? " optOut" : ""}${s.c.expect.complaint ? " complaint" : ""}${s.c.expect.reached !== "patient" ? ` ${s.c.expect.reached}` : ""}`;
      console.log(`    ${s.c.id} [${s.c.template}; ${s.c.tags.join(",")}] ${patient || "(silent)"}\n       → ${s.rules.intent} (${s.rules.rule}${flagsGot}) want ${s.c.expect.intent}${s.c.expect.alsoAcceptable.length ? `/${s.c.expect.alsoAcceptable.join("/")}` : ""}${flagsWant}`);
    }
  }
}

async function main() {
  const t0 = Date.now();
  console.log(`Intent bench${model ? ` — model ${modelName} at ${baseURL}` : " — offline reader only: rules + learned model (no INTENT_LLM_/LLM_ endpoint configured)"}`);
  const oof = parts.some((p) => ["dev", "dev2", "dev3"].includes(p)) ? outOfFold(loadTraining()) : undefined;
  if (oof) console.log("(dev, dev2 and dev3 train the learned model: they are scored out of fold — 5-fold CV, bench/intent/learn.ts)");
  if (parts.includes("dev")) {
    const path = here("./cases/dev.jsonl");
    if (!existsSync(path)) console.log("\n(no bench/intent/cases/dev.jsonl)");
    else {
      const scored = await score(loadCases(path), oof);
      report("dev (all, out of fold)", scored, false);
      report("dev — tuning part (4/5)", scored.filter((s) => !isValidationSlice(s.c.id)), showMisses);
      report("dev-val — kept aside (1/5)", scored.filter((s) => isValidationSlice(s.c.id)), false);
    }
  }
  if (parts.includes("dev2")) {
    const path = here("./cases/dev2.jsonl");
    if (!existsSync(path)) console.log("\n(no bench/intent/cases/dev2.jsonl)");
    else report("dev2 (out of fold)", await score(loadCases(path), oof), showMisses);
  }
  if (parts.includes("dev3")) {
    const path = here("./cases/dev3.jsonl");
    if (!existsSync(path)) console.log("\n(no bench/intent/cases/dev3.jsonl)");
    else report("dev3 (out of fold)", await score(loadCases(path), oof), showMisses);
  }
  if (parts.includes("held-out")) {
    const path = here("./cases/held-out.jsonl");
    if (!existsSync(path)) console.log("\n(no bench/intent/cases/held-out.jsonl in this checkout)");
    else report("held-out", await score(loadCases(path)), false); // never list held-out misses: nobody tunes on them
  }
  if (parts.includes("corrections")) {
    const path = here("./cases/corrections.jsonl"); // npm run intent:export-corrections
    if (existsSync(path)) report("corrections (人工修正)", await score(loadCases(path)), showMisses);
  }
  if (parts.includes("legacy")) report("legacy (bench/intent/dataset.ts)", await score(legacyCases()), showMisses);
  console.log(`\ndone in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

void main();
