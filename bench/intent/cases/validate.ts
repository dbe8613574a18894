/**
 * Checks the hand-labelled intent cases: `npx tsx bench/intent/cases/validate.ts [--partial]`.
 * Every line parses and has the documented shape; template ids exist; intent keys are that template's own dialogue
 * categories; ids are unique; the two parts share no patient turn (after dropping punctuation and spaces) and no
 * near-identical call. Prints counts per template / tag / reached / intent for each part, then the corpus minimums
 * (`--partial` reports them without failing, while a part is still being written). Exit code 1 on any error.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PRESET_TEMPLATES } from "../../../server/domain/templates/catalog";
import { OUTCOME_INTENT_KEYS } from "../../../server/domain/templates/intents";

const HERE = dirname(fileURLToPath(import.meta.url));
const PARTS = [
  { name: "dev", file: join(HERE, "dev.jsonl"), idPrefix: "d" },
  { name: "held-out", file: join(HERE, "held-out.jsonl"), idPrefix: "h" },
] as const;

const REACHED = ["patient", "relative", "voicemail", "secretary", "operator", "wrongNumber"] as const;
const MACHINE = new Set<string>(["voicemail", "secretary", "operator"]);
const STYLE_TAGS = [
  "negation",
  "question-back",
  "brush-off",
  "hesitation",
  "hostile",
  "dialect",
  "asr-noise",
  "short",
  "long",
  "mind-change",
  "code-mix",
  "indirect",
];
const TOPIC_TAGS = ["complaint", "opt-out", "symptom", "price", "address", "doctor", "busy", "not-local", "callback", "relative", "elsewhere", "time"];
const ANSWERER_TAGS: Record<string, string> = { voicemail: "voicemail", secretary: "secretary", operator: "operator", "wrong-number": "wrongNumber" };
const KNOWN_TAGS = new Set(["plain", ...STYLE_TAGS, ...TOPIC_TAGS, ...Object.keys(ANSWERER_TAGS)]);

const MINIMUM = { cases: 330, templates: 9, plain: 40, machineOrWrong: 25, optOut: 15, complaint: 15 };
/** Calls whose patient words are this alike (character-bigram Jaccard) across the parts count as near-copies. */
const NEAR_COPY = 0.8;

interface Turn {
  ai?: string;
  patient?: string;
}
interface Case {
  id: string;
  template: string;
  turns: Turn[];
  expect: {
    intent: string | null;
    alsoAcceptable: string[];
    reached: string;
    optOut: boolean;
    complaint: boolean;
    callback: boolean;
    proposedTime: string | null;
  };
  tags: string[];
  note?: string;
}

const errors: string[] = [];
const err = (where: string, message: string) => errors.push(`${where}: ${message}`);

const isString = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function checkCase(raw: unknown, where: string, idPrefix: string): Case | null {
  if (!isRecord(raw)) return err(where, "not an object"), null;
  const { id, template, turns, expect, tags, note } = raw;
  if (!isString(id) || !new RegExp(`^${idPrefix}\\d{3,}$`).test(id)) err(where, `id must look like ${idPrefix}001`);
  const tpl = PRESET_TEMPLATES.find((t) => t.key === template);
  if (!tpl) err(where, `unknown template ${String(template)}`);
  const categories = new Set((tpl?.intents ?? []).map((c) => c.key).filter((k) => !OUTCOME_INTENT_KEYS.includes(k as never)));

  if (!Array.isArray(turns) || turns.length === 0) return err(where, "turns must be a non-empty array"), null;
  let patientTurns = 0;
  turns.forEach((t: unknown, i) => {
    const keys = isRecord(t) ? Object.keys(t) : [];
    const speaker = keys[0];
    if (!isRecord(t) || keys.length !== 1 || (speaker !== "ai" && speaker !== "patient") || !isString(t[speaker])) {
      return err(where, `turn ${i} must be {"ai": text} or {"patient": text}`);
    }
    if (speaker !== (i % 2 === 0 ? "ai" : "patient")) err(where, `turn ${i}: turns alternate, starting with the AI's opening line`);
    if (speaker === "patient") patientTurns++;
  });
  if (patientTurns < 1 || patientTurns > 5) err(where, `${patientTurns} patient turns (1–5 expected)`);

  if (!isRecord(expect)) return err(where, "expect missing"), null;
  const { intent, alsoAcceptable, reached, optOut, complaint, callback, proposedTime } = expect;
  if (intent !== null && !(isString(intent) && categories.has(intent))) {
    err(where, `intent ${String(intent)} is not a dialogue category of ${String(template)} (${[...categories].join(", ")})`);
  }
  if (!Array.isArray(alsoAcceptable) || alsoAcceptable.some((k) => !isString(k) || !categories.has(k) || k === intent)) {
    err(where, "alsoAcceptable must list other categories of the template");
  }
  if (!REACHED.includes(reached as never)) err(where, `reached must be one of ${REACHED.join("/")}`);
  for (const [k, v] of Object.entries({ optOut, complaint, callback })) if (typeof v !== "boolean") err(where, `${k} must be a boolean`);
  if (proposedTime !== null && !isString(proposedTime)) err(where, "proposedTime must be text or null");
  if (reached !== "patient" && reached !== "relative") {
    if (intent !== null) err(where, `intent must be null when reached is ${String(reached)}`);
    if (complaint || callback || proposedTime !== null) err(where, `no complaint/callback/proposedTime when reached is ${String(reached)}`);
    if (optOut && MACHINE.has(String(reached))) err(where, "a machine cannot opt out");
  }

  if (!Array.isArray(tags) || tags.length === 0 || tags.some((t) => !isString(t))) return err(where, "tags must be a non-empty list"), null;
  const tagSet = new Set(tags as string[]);
  for (const t of tagSet) if (!KNOWN_TAGS.has(t)) err(where, `unknown tag ${t} (see README)`);
  if (tagSet.has("plain") && STYLE_TAGS.some((t) => tagSet.has(t))) err(where, "plain cannot carry a style tag");
  for (const [tag, who] of Object.entries(ANSWERER_TAGS)) if (tagSet.has(tag) !== (reached === who)) err(where, `tag ${tag} ⇔ reached ${who}`);
  if (tagSet.has("relative") !== (reached === "relative")) err(where, "tag relative ⇔ reached relative");
  if (tagSet.has("opt-out") !== optOut) err(where, "tag opt-out ⇔ optOut");
  if (tagSet.has("complaint") !== complaint) err(where, "tag complaint ⇔ complaint");
  if (callback && !tagSet.has("callback")) err(where, "callback cases carry the callback tag");
  if (note !== undefined && !isString(note)) err(where, "note must be text");
  return raw as unknown as Case;
}

function load(part: (typeof PARTS)[number]): Case[] {
  if (!existsSync(part.file)) {
    if (!process.argv.includes("--partial")) err(part.name, `${part.file} missing`);
    return [];
  }
  const out: Case[] = [];
  readFileSync(part.file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${part.name}:${i + 1}`;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (e) {
        return err(where, `not JSON (${e instanceof Error ? e.message : String(e)})`);
      }
      const c = checkCase(raw, where, part.idPrefix);
      if (c) out.push(c);
    });
  return out;
}

const normalize = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, "").toLowerCase();
const patientText = (c: Case) => c.turns.flatMap((t) => (t.patient ? [t.patient] : []));
function bigrams(s: string): Set<string> {
  const chars = [...normalize(s)];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}
function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

function counts(label: string, values: string[]) {
  const tally = new Map<string, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  const cells = [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`);
  console.log(`  ${label}: ${cells.join(" · ")}`);
}

function main() {
  const partial = process.argv.includes("--partial");
  const loaded = PARTS.map((p) => ({ part: p, cases: load(p) }));

  const ids = new Map<string, string>();
  for (const { part, cases } of loaded) {
    for (const c of cases) {
      if (ids.has(c.id)) err(part.name, `duplicate id ${c.id}`);
      ids.set(c.id, part.name);
    }
  }

  const [dev, held] = loaded.map((l) => l.cases) as [Case[], Case[]];
  const devTurns = new Map<string, string>();
  for (const c of dev) for (const t of patientText(c)) devTurns.set(normalize(t), c.id);
  for (const c of held) {
    for (const t of patientText(c)) {
      const hit = devTurns.get(normalize(t));
      if (hit) err("held-out", `${c.id} repeats a patient turn of ${hit}: 「${t}」`);
    }
  }
  const devGrams = dev.map((c) => ({ id: c.id, grams: bigrams(patientText(c).join("")) }));
  let closest = { score: 0, pair: "" };
  for (const c of held) {
    const grams = bigrams(patientText(c).join(""));
    for (const d of devGrams) {
      const score = jaccard(grams, d.grams);
      if (score >= NEAR_COPY) err("held-out", `${c.id} is a near-copy of ${d.id} (similarity ${score.toFixed(2)})`);
      if (score > closest.score) closest = { score, pair: `${c.id} ~ ${d.id}` };
    }
  }

  const shortfalls: string[] = [];
  for (const { part, cases } of loaded) {
    const templates = new Set(cases.map((c) => c.template));
    const plain = cases.filter((c) => c.tags.includes("plain")).length;
    const machineOrWrong = cases.filter((c) => MACHINE.has(c.expect.reached) || c.expect.reached === "wrongNumber").length;
    const optOut = cases.filter((c) => c.expect.optOut).length;
    const complaint = cases.filter((c) => c.expect.complaint).length;
    console.log(`\n${part.name}: ${cases.length} cases over ${templates.size} templates`);
    counts("template", cases.map((c) => c.template));
    counts("reached", cases.map((c) => c.expect.reached));
    counts("intent", cases.map((c) => c.expect.intent ?? "(null)"));
    counts("tag", cases.flatMap((c) => c.tags));
    console.log(
      `  flags: optOut ${optOut} · complaint ${complaint} · callback ${cases.filter((c) => c.expect.callback).length} · proposedTime ${
        cases.filter((c) => c.expect.proposedTime).length
      } · with alsoAcceptable ${cases.filter((c) => c.expect.alsoAcceptable.length > 0).length}`,
    );
    const have = { cases: cases.length, templates: templates.size, plain, machineOrWrong, optOut, complaint };
    for (const [k, min] of Object.entries(MINIMUM)) {
      const n = have[k as keyof typeof have];
      if (n < min) shortfalls.push(`${part.name}: ${k} ${n} < ${min}`);
    }
  }
  console.log(`\nclosest pair across the parts: ${closest.pair || "—"} (similarity ${closest.score.toFixed(2)}, near-copy at ≥ ${NEAR_COPY})`);
  if (shortfalls.length) {
    console.log(`\nminimums not met${partial ? " (--partial: reported only)" : ""}:\n  ${shortfalls.join("\n  ")}`);
    if (!partial) errors.push(...shortfalls);
  } else console.log("minimums met: ≥ 330 cases, ≥ 9 templates, ≥ 40 plain, ≥ 25 machine/wrong-number, ≥ 15 opt-outs, ≥ 15 complaints per part");
  if (errors.length) {
    console.log(`\n${errors.length} error(s):\n  ${errors.join("\n  ")}`);
    process.exitCode = 1;
  } else console.log("\nOK");
}

main();
