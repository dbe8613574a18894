/**
 * Checks the hand-labelled intent cases: `npx tsx bench/intent/cases/validate.ts [--partial] [--skip=part,…]`.
 * `--skip=` leaves parts out entirely (neither read nor compared): a helper who may not read the held-out part runs
 * `--skip=held-out`; the full run (no --skip) also compares dev3 with the held-out part.
 * Every line parses and has the documented shape; template ids exist; intent keys are that template's own dialogue
 * categories; ids are unique; no part shares a patient turn (after dropping punctuation and spaces) or a near-identical
 * call with an earlier part (held-out vs dev; dev2 vs dev and vs held-out). Prints counts per template / tag / reached /
 * intent for each part, then each part's minimums (`--partial` reports them without failing, while a part is still
 * being written). Exit code 1 on any error.
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
  { name: "dev2", file: join(HERE, "dev2.jsonl"), idPrefix: "d2-" },
  { name: "dev3", file: join(HERE, "dev3.jsonl"), idPrefix: "d3-" },
] as const;
type PartName = (typeof PARTS)[number]["name"];
/** Each part is checked against every earlier part it names here. */
const COMPARED_WITH: Record<PartName, PartName[]> = { dev: [], "held-out": ["dev"], dev2: ["dev", "held-out"], dev3: ["dev", "dev2", "held-out"] };
const SKIPPED = new Set((process.argv.find((a) => a.startsWith("--skip="))?.slice("--skip=".length) ?? "").split(",").filter(Boolean));

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

type Minimums = Partial<Record<Measure, number>>;
const MINIMUM: Minimums = { cases: 330, templates: 9, plain: 40, machineOrWrong: 25, optOut: 15, complaint: 15 };
/**
 * dev2 (issue 25) adds weight on what is hardest to read: machines and wrong numbers, complaints, explicit opt-outs
 * and hostile refusals that are NOT opt-outs, relatives, brush-offs / hesitation, questions back, and the hard styles.
 */
const MINIMUMS: Record<PartName, Minimums> = {
  dev: MINIMUM,
  "held-out": MINIMUM,
  dev2: {
    cases: 450,
    templates: PRESET_TEMPLATES.length,
    plain: 40,
    machineOrWrong: 60,
    optOut: 30,
    complaint: 40,
    hostileNotOptOut: 30,
    relative: 40,
    brushOffOrHesitation: 40,
    questionBack: 40,
    negation: 20,
    mindChange: 20,
    dialect: 30,
    asrNoise: 25,
    short: 25,
    long: 15,
  },
  /** dev3 (issue 25): who answered — machines, operator announcements, assistants, wrong numbers, and the people and
   * relatives whose words sound like them. */
  dev3: { cases: 300, machineOrWrong: 250, relative: 25 },
};
/** dev2 keeps dev's mix of templates: each template's share may differ from dev's by at most this many points. */
const MIX_TOLERANCE = 0.02;
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

type Measure =
  | "cases"
  | "templates"
  | "plain"
  | "machineOrWrong"
  | "optOut"
  | "complaint"
  | "hostileNotOptOut"
  | "relative"
  | "brushOffOrHesitation"
  | "questionBack"
  | "negation"
  | "mindChange"
  | "dialect"
  | "asrNoise"
  | "short"
  | "long";

function measure(cases: Case[]): Record<Measure, number> {
  const tagged = (...tags: string[]) => cases.filter((c) => tags.some((t) => c.tags.includes(t))).length;
  return {
    cases: cases.length,
    templates: new Set(cases.map((c) => c.template)).size,
    plain: tagged("plain"),
    machineOrWrong: cases.filter((c) => MACHINE.has(c.expect.reached) || c.expect.reached === "wrongNumber").length,
    optOut: cases.filter((c) => c.expect.optOut).length,
    complaint: cases.filter((c) => c.expect.complaint).length,
    /** A hostile refusal with no explicit request to stop calling: 拒绝来电 but no DNC. */
    hostileNotOptOut: cases.filter((c) => c.tags.includes("hostile") && c.expect.intent === "refused" && !c.expect.optOut).length,
    relative: cases.filter((c) => c.expect.reached === "relative").length,
    brushOffOrHesitation: tagged("brush-off", "hesitation"),
    questionBack: tagged("question-back"),
    negation: tagged("negation"),
    mindChange: tagged("mind-change"),
    dialect: tagged("dialect"),
    asrNoise: tagged("asr-noise"),
    short: tagged("short"),
    long: tagged("long"),
  };
}

/** A later part may not repeat a patient turn of an earlier one, nor be a near-copy of one of its calls. */
function compareParts(name: PartName, cases: Case[], earlier: Case[]): { score: number; pair: string } {
  const earlierTurns = new Map<string, string>();
  for (const c of earlier) for (const t of patientText(c)) earlierTurns.set(normalize(t), c.id);
  for (const c of cases) {
    for (const t of patientText(c)) {
      const hit = earlierTurns.get(normalize(t));
      if (hit) err(name, `${c.id} repeats a patient turn of ${hit}: 「${t}」`);
    }
  }
  const earlierGrams = earlier.map((c) => ({ id: c.id, grams: bigrams(patientText(c).join("")) }));
  let closest = { score: 0, pair: "" };
  for (const c of cases) {
    const grams = bigrams(patientText(c).join(""));
    for (const d of earlierGrams) {
      const score = jaccard(grams, d.grams);
      if (score >= NEAR_COPY) err(name, `${c.id} is a near-copy of ${d.id} (similarity ${score.toFixed(2)})`);
      if (score > closest.score) closest = { score, pair: `${c.id} ~ ${d.id}` };
    }
  }
  return closest;
}

/** dev2's share of each built-in template stays within MIX_TOLERANCE of dev's. */
function mixShortfalls(cases: Case[], dev: Case[]): string[] {
  const share = (list: Case[], key: string) => list.filter((c) => c.template === key).length / list.length;
  return PRESET_TEMPLATES.flatMap((t) => {
    const [mine, theirs] = [share(cases, t.key), share(dev, t.key)];
    return Math.abs(mine - theirs) > MIX_TOLERANCE
      ? [`dev2: template ${t.key} is ${(mine * 100).toFixed(1)} % of the part, dev has ${(theirs * 100).toFixed(1)} %`]
      : [];
  });
}

function main() {
  const partial = process.argv.includes("--partial");
  const loaded = PARTS.filter((p) => !SKIPPED.has(p.name)).map((p) => ({ part: p, cases: load(p) }));

  const ids = new Map<string, string>();
  for (const { part, cases } of loaded) {
    for (const c of cases) {
      if (ids.has(c.id)) err(part.name, `duplicate id ${c.id}`);
      ids.set(c.id, part.name);
    }
  }

  const byName = new Map(loaded.map((l) => [l.part.name as PartName, l.cases]));
  const closestPairs: string[] = [];
  for (const { part, cases } of loaded) {
    for (const earlierName of COMPARED_WITH[part.name]) {
      const earlier = byName.get(earlierName) ?? [];
      if (cases.length === 0 || earlier.length === 0) continue;
      const closest = compareParts(part.name, cases, earlier);
      closestPairs.push(`${part.name} vs ${earlierName}: ${closest.pair || "—"} (similarity ${closest.score.toFixed(2)})`);
    }
  }

  const shortfalls: string[] = [];
  const devCases = byName.get("dev") ?? [];
  for (const { part, cases } of loaded) {
    const templates = new Set(cases.map((c) => c.template));
    const have = measure(cases);
    console.log(`\n${part.name}: ${cases.length} cases over ${templates.size} templates`);
    counts("template", cases.map((c) => c.template));
    counts("reached", cases.map((c) => c.expect.reached));
    counts("intent", cases.map((c) => c.expect.intent ?? "(null)"));
    counts("tag", cases.flatMap((c) => c.tags));
    console.log(
      `  flags: optOut ${have.optOut} · complaint ${have.complaint} · callback ${cases.filter((c) => c.expect.callback).length} · proposedTime ${
        cases.filter((c) => c.expect.proposedTime).length
      } · with alsoAcceptable ${cases.filter((c) => c.expect.alsoAcceptable.length > 0).length}`,
    );
    console.log(
      `  hard kinds: ${(Object.keys(have) as Measure[])
        .filter((k) => !["cases", "templates"].includes(k))
        .map((k) => `${k} ${have[k]}`)
        .join(" · ")}`,
    );
    for (const [k, min] of Object.entries(MINIMUMS[part.name])) {
      const n = have[k as Measure];
      if (n < min) shortfalls.push(`${part.name}: ${k} ${n} < ${min}`);
    }
    if (part.name === "dev2" && cases.length > 0 && devCases.length > 0) shortfalls.push(...mixShortfalls(cases, devCases));
  }
  console.log(`\nclosest pairs (near-copy at ≥ ${NEAR_COPY}):\n  ${closestPairs.join("\n  ") || "—"}`);
  if (shortfalls.length) {
    console.log(`\nminimums not met${partial ? " (--partial: reported only)" : ""}:\n  ${shortfalls.join("\n  ")}`);
    if (!partial) errors.push(...shortfalls);
  } else {
    for (const { part } of loaded) {
      const mins = Object.entries(MINIMUMS[part.name]).map(([k, n]) => `${k} ≥ ${n}`);
      console.log(`minimums met (${part.name}): ${mins.join(", ")}${part.name === "dev2" ? `; template mix within ±${MIX_TOLERANCE * 100} points of dev` : ""}`);
    }
  }
  if (errors.length) {
    console.log(`\n${errors.length} error(s):\n  ${errors.join("\n  ")}`);
    process.exitCode = 1;
  } else console.log("\nOK");
}

main();
