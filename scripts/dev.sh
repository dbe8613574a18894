#!/usr/bin/env bash
# Quick start: installs what is missing, then serves the app with demo data on http://localhost:3000.
# No database needed: without DATABASE_URL the embedded PGlite database under .data/ is used.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "▸ 安装依赖 (npm ci)…"
  npm ci --no-audit --no-fund
fi
[ -d server/generated/prisma ] || npx prisma generate
exec npx tsx scripts/start-app.ts "$@"
