// Totals every runner's results into the one closing line CI reads: "N passed, N failed".
import { existsSync, readFileSync } from "node:fs";

const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, "utf8")) : null);
let passed = 0;
let failed = 0;
const lines = [];

// Typecheck and lint: one check each, passed when the tool exited 0.
for (const [name, file] of [["typecheck (tsc --noEmit)", "typecheck"], ["lint (eslint)", "lint"]]) {
  const exitFile = `.test-reports/${file}.exit`;
  const code = existsSync(exitFile) ? Number(readFileSync(exitFile, "utf8").trim()) : null;
  if (code === 0) {
    passed += 1;
    lines.push(`${name}: passed`);
  } else {
    failed += 1;
    lines.push(code === null ? `${name}: did not run` : `${name}: failed (see .test-reports/${file}.log)`);
  }
}

const vitest = read(".test-reports/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  lines.push(`vitest (unit + integration): ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
  // A suite that failed to load counts as a failure even though it ran no test.
  const brokenFiles = vitest.testResults.filter((r) => r.status === "failed" && r.assertionResults.length === 0).length;
  if (brokenFiles) {
    failed += brokenFiles;
    lines.push(`vitest: ${brokenFiles} test file(s) failed to load`);
  }
} else {
  failed += 1;
  lines.push("vitest: no results (the runner did not finish)");
}

const e2e = read(".test-reports/e2e.json");
if (e2e) {
  const p = (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
  const f = e2e.stats.unexpected ?? 0;
  passed += p;
  failed += f;
  lines.push(`playwright (e2e): ${p} passed, ${f} failed${e2e.stats.flaky ? ` (${e2e.stats.flaky} flaky)` : ""}`);
  if (e2e.errors?.length) {
    failed += 1;
    lines.push(`playwright: ${e2e.errors.length} global error(s)`);
  }
} else {
  failed += 1;
  lines.push("playwright: no results (the runner did not finish)");
}

// The full loop through the Tencent adapters against the fakes (playwright.tencent.config.ts), when it ran.
const tencent = read(".test-reports/e2e-tencent.json");
if (tencent) {
  const p = (tencent.stats.expected ?? 0) + (tencent.stats.flaky ?? 0);
  const f = (tencent.stats.unexpected ?? 0) + (tencent.errors?.length ?? 0);
  passed += p;
  failed += f;
  lines.push(`playwright (e2e, CARRIER=tencent-ccc SMS=tencent): ${p} passed, ${f} failed`);
}

for (const l of lines) console.log(l);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
