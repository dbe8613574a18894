#!/usr/bin/env bash
# What the test suite needs on this machine: dependencies, PostgreSQL 15 at 127.0.0.1:5432, Debian chromium.
# Idempotent; `npm test` and .ci/run call it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ ! -d server/generated/prisma ]; then
  echo "▸ npm ci"
  npm ci --no-audit --no-fund
fi

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  echo "▸ starting PostgreSQL"
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  fi
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && break; sleep 1; done
  pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL is not reachable at 127.0.0.1:5432 (user postgres, trust auth)"; exit 1; }
fi

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "▸ installing Debian chromium for Playwright"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "chromium is missing: run 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH)"; exit 1
  fi
fi

# Without a CJK font headless chromium draws Chinese as empty boxes: screenshots (and the first-look spec) need it.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  if [ "$(id -u)" = 0 ]; then
    echo "▸ installing fonts-noto-cjk"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk fontconfig >/dev/null && fc-cache -f >/dev/null
  else
    echo "no CJK font: run 'sudo apt-get install -y fonts-noto-cjk' (the first-look e2e spec fails without it)"
  fi
fi
