import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The held-out part of the intent bench (bench/intent/cases/held-out…) is read by the bench runner and the case
 * validator only: no rule, model, training step, seed or script may read or name it, or it stops being held out.
 * This walks the product's code (server/, prisma/, scripts/, app/, components/, lib/, inngest/, tests/) and bench/
 * and fails on any other file that names it, in any spelling.
 */
const ROOT = path.resolve(__dirname, "../..");
const SCANNED = ["server", "prisma", "scripts", "app", "components", "lib", "inngest", "tests", "bench", "e2e"];
const ALLOWED = new Set(["bench/intent/run.ts", "bench/intent/validate-cases.ts", "bench/intent/held-out-separation.test.ts"]);
const SKIP_DIRS = new Set(["node_modules", "generated", ".next", "cases"]);
const NAMES = /held[-_ ]?out|heldout|hold[-_]?out/i;
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|sh|py|sql|prisma|ya?ml)$/;

function walk(dir: string, out: string[]) {
  for (const entry of readdirSync(dir)) {
    if (SKIP_DIRS.has(entry)) continue;
    const full = path.join(dir, entry);
    const stat = statSync(full);
    if (stat.isDirectory()) walk(full, out);
    else if (TEXT.test(entry)) out.push(full);
  }
  return out;
}

export function filesNamingHeldOut(root = ROOT): string[] {
  const offenders: string[] = [];
  for (const top of SCANNED) {
    let files: string[] = [];
    try {
      files = walk(path.join(root, top), []);
    } catch {
      continue; // a directory this checkout does not have
    }
    for (const file of files) {
      const rel = path.relative(root, file).split(path.sep).join("/");
      if (ALLOWED.has(rel)) continue;
      if (NAMES.test(readFileSync(file, "utf8"))) offenders.push(rel);
    }
  }
  return offenders;
}

describe("intent bench held-out separation", () => {
  it("no file but the bench runner and the validator names the held-out part", () => {
    expect(filesNamingHeldOut()).toEqual([]);
  });

  it("the only files that may read it are the ones that do", () => {
    const runner = readFileSync(path.join(ROOT, "bench/intent/run.ts"), "utf8");
    expect(runner).toMatch(/held-out\.jsonl/);
    // …and the runner never lists held-out misses (nobody may tune on them).
    expect(runner).toMatch(/report\("held-out", await score\(loadCases\(path\)\), false\)/);
  });

  it("the development parts the runner scores and the learned model trains on are dev, dev2 and dev3 only", () => {
    const runner = readFileSync(path.join(ROOT, "bench/intent/run.ts"), "utf8");
    expect(runner).toMatch(/cases\/dev\.jsonl/);
    expect(runner).toMatch(/cases\/dev2\.jsonl/);
    expect(runner).toMatch(/cases\/dev3\.jsonl/);
    // dev, dev2 and dev3 train the model, so the runner scores them out of fold, never with the shipped model.
    expect(runner).toMatch(/score\(loadCases\(path\), oof\)/);
    const learn = readFileSync(path.join(ROOT, "bench/intent/learn.ts"), "utf8");
    expect(learn).toMatch(/TRAINING_CORPORA = \["dev\.jsonl", "dev2\.jsonl", "dev3\.jsonl"\] as const/);
  });
});
