#!/usr/bin/env bash
# The whole test suite: unit + integration (vitest, real PostgreSQL) and Playwright e2e (Debian chromium).
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres) and /usr/bin/chromium; .ci/run provides both.
# Ends with one line totalling every runner: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf .test-reports && mkdir -p .test-reports

echo "▸ vitest: unit + integration"
TZ=UTC npx vitest run --reporter=default --reporter=json --outputFile.json=.test-reports/vitest.json

echo "▸ playwright: e2e"
npx tsx scripts/test-e2e.ts

node scripts/summarize-tests.mjs
