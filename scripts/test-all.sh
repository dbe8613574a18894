#!/usr/bin/env bash
# The whole test suite: unit + integration (vitest, real PostgreSQL) and Playwright e2e (Debian chromium).
# Installs or starts what it needs first (scripts/ensure-test-env.sh).
# Ends with one line totalling every runner: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf .test-reports && mkdir -p .test-reports
bash scripts/ensure-test-env.sh || { echo "0 passed, 1 failed"; exit 1; }

echo "▸ vitest: unit + integration"
TZ=UTC npx vitest run --reporter=default --reporter=json --outputFile.json=.test-reports/vitest.json

echo "▸ playwright: e2e"
npx tsx scripts/test-e2e.ts

node scripts/summarize-tests.mjs
