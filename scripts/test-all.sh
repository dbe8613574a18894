#!/usr/bin/env bash
# The whole test suite: unit + integration (vitest, real PostgreSQL) and Playwright e2e (Debian chromium).
# Installs or starts what it needs first (scripts/ensure-test-env.sh).
# Ends with one line totalling every runner: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf .test-reports && mkdir -p .test-reports
bash scripts/ensure-test-env.sh || { echo "0 passed, 1 failed"; exit 1; }

# Type and lint errors fail the run like a failing test (counted in the closing line by summarize-tests.mjs).
echo "▸ typecheck: tsc --noEmit"
npx tsc --noEmit 2>&1 | tee .test-reports/typecheck.log
echo "${PIPESTATUS[0]}" > .test-reports/typecheck.exit

echo "▸ lint: eslint"
npx eslint . --max-warnings=0 2>&1 | tee .test-reports/lint.log
echo "${PIPESTATUS[0]}" > .test-reports/lint.exit

echo "▸ vitest: unit + integration"
TZ=UTC npx vitest run --reporter=default --reporter=json --outputFile.json=.test-reports/vitest.json

echo "▸ playwright: e2e"
npx tsx scripts/test-e2e.ts

node scripts/summarize-tests.mjs
