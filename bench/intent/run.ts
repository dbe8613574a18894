/**
 * Intent bench: `npx tsx bench/intent/run.ts [--only=marketing,reminder] [--concurrency=4] [--show-misses]`.
 * Scores the offline rules and — when an endpoint is configured (INTENT_LLM_BASE_URL / INTENT_LLM_MODEL /
 * INTENT_LLM_API_KEY, each falling back to LLM_*) — the language model on the hand-labelled transcripts of
 * bench/intent/dataset.ts, each over its real template's categories and composed dialogue (as in production). Prints
 * accuracy per template, per tag (price, address, assent, optout, dialect, noise …) and for 需回电; the model column
 * counts a failed request as wrong (production would keep the rules' answer: the fallback figure shows that blend).
 */
import { LlmIntentClassifier } from "../../server/adapters/intent/llm-classifier";
import { analyzeByRules, worthModelAnalysis, type CallAnalysis } from "../../server/domain/intent/call-analysis";
import type { ClassifyIntentInput } from "../../server/domain/intent/classify-intent";
import { AI_TEMPLATES } from "../../server/domain/templates/catalog";
import { composeDialogues } from "../../server/domain/templates/compose-dialogues";
import { defaultParams } from "../../server/domain/templates/params";
import { AI_LINES, DATASET, TEMPLATE_OF, type BenchCase, type BenchKind } from "./dataset";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const only = arg("only")?.split(",");
const concurrency = Number(arg("concurrency") ?? "4");
const showMisses = process.argv.includes("--show-misses");

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

function inputOf(c: BenchCase): ClassifyIntentInput {
  const template = AI_TEMPLATES.find((t) => t.key === TEMPLATE_OF[c.kind])!;
  const dialogues = composeDialogues(template, defaultParams(template.params));
  const ai = AI_LINES[c.kind];
  const turns = c.patient.flatMap((text, i) => [
    { speaker: "ai" as const, text: ai[Math.min(i, ai.length - 2)]! },
    { speaker: "patient" as const, text },
  ]);
  if (turns.length === 0) turns.push({ speaker: "ai", text: ai[0]! });
  else turns.push({ speaker: "ai", text: ai.at(-1)! });
  return { category: template.category, intents: template.intents, dialogues, answered: true, turns, hangupBy: c.hangupBy ?? "bot" };
}

interface Scored {
  c: BenchCase;
  rules: CallAnalysis;
  model: CallAnalysis | null;
  modelError: string | null;
}

async function score(): Promise<Scored[]> {
  const cases = DATASET.filter((c) => !only || only.includes(c.kind));
  const out: Scored[] = cases.map((c) => ({ c, rules: analyzeByRules(inputOf(c)), model: null, modelError: null }));
  if (!model) return out;
  const queue = [...out];
  let done = 0;
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      const input = inputOf(s.c);
      if (!worthModelAnalysis(input)) s.model = s.rules; // production never asks the model about silent calls
      else {
        try {
          s.model = await model.classify(input);
        } catch (error) {
          s.modelError = error instanceof Error ? error.message : String(error);
        }
      }
      if (++done % 20 === 0) console.error(`· model ${done}/${out.length}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

const pct = (hit: number, n: number) => (n === 0 ? "—" : `${((100 * hit) / n).toFixed(1)}%`);

function row(label: string, group: Scored[]) {
  const n = group.length;
  const rules = group.filter((s) => s.rules.intent === s.c.intent).length;
  const cells = [label.padEnd(32), String(n).padStart(4), pct(rules, n).padStart(8)];
  if (model) {
    const m = group.filter((s) => s.model?.intent === s.c.intent).length;
    const blend = group.filter((s) => (s.model ?? s.rules).intent === s.c.intent).length;
    cells.push(pct(m, n).padStart(8), pct(blend, n).padStart(10));
  }
  return cells.join("  ");
}

async function main() {
  const t0 = Date.now();
  const scored = await score();
  const header = ["group".padEnd(32), "n".padStart(4), "rules".padStart(8), ...(model ? ["model".padStart(8), "fallback".padStart(10)] : [])].join("  ");
  console.log(`\nIntent accuracy on ${scored.length} labelled transcripts${model ? ` — model ${modelName} at ${baseURL}` : " — rules only (no INTENT_LLM_/LLM_ endpoint configured)"}`);
  console.log(header);
  console.log("-".repeat(header.length));
  console.log(row("all", scored));
  for (const kind of ["marketing", "reminder", "postOp", "survey"] as BenchKind[]) {
    const group = scored.filter((s) => s.c.kind === kind);
    if (group.length) console.log(row(`template: ${TEMPLATE_OF[kind]}`, group));
  }
  const intents = [...new Set(scored.map((s) => s.c.intent ?? "(null)"))].sort();
  for (const intent of intents) console.log(row(`label: ${intent}`, scored.filter((s) => (s.c.intent ?? "(null)") === intent)));
  const tags = [...new Set(scored.flatMap((s) => s.c.tags))].sort();
  for (const tag of tags) console.log(row(`tag: ${tag}`, scored.filter((s) => s.c.tags.includes(tag))));

  const cb = (pick: (s: Scored) => CallAnalysis | null) => scored.filter((s) => (pick(s)?.callbackRequested ?? false) === s.c.callback).length;
  console.log(`\n需回电 flag accuracy: rules ${pct(cb((s) => s.rules), scored.length)}${model ? `, model ${pct(cb((s) => s.model), scored.length)}` : ""}`);
  if (model) {
    const failed = scored.filter((s) => s.modelError);
    const summaries = scored.filter((s) => s.model?.summary).length;
    console.log(`model failures (rules used): ${failed.length}; with a summary: ${summaries}/${scored.length}`);
    for (const f of failed.slice(0, 5)) console.log(`  ${f.c.id}: ${f.modelError}`);
  }
  if (showMisses) {
    console.log("\nrules misses:");
    for (const s of scored.filter((x) => x.rules.intent !== x.c.intent)) {
      console.log(`  ${s.c.id} [${s.c.tags.join(",")}] ${s.c.patient.join(" | ") || "(silent)"} → rules ${s.rules.intent} (${s.rules.rule}), label ${s.c.intent}${s.model ? `, model ${s.model.intent}` : ""}`);
    }
  }
  console.log(`\n${scored.length} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

void main();
