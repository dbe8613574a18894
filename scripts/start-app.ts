/**
 * Starts the app with demo data: `bash scripts/dev.sh` (installs first) or `npm run demo`.
 * Without DATABASE_URL it serves the embedded PGlite database from .data/pglite in this process;
 * either way it applies the committed migrations, seeds the demo chain when it is missing, starts the carrier simulator
 * service (scripts/carrier-sim.ts, on CARRIER_SIM_PORT = PORT + 400 unless set), then runs Next.js.
 *   --prod   build and run the production server instead of `next dev`
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../server/db/create-client";
import { migrateDeploy } from "../prisma/engine/migrate-deploy";
import { startEmbeddedDb, type EmbeddedDb } from "../prisma/embedded/start-embedded-db";
import { seedDemo } from "../prisma/seed/seed-demo";
import { seedDemoHistory } from "../prisma/seed/demo-history";

const PORT = process.env.PORT ?? "3000";
const CARRIER_PORT = process.env.CARRIER_SIM_PORT ?? String(Number(PORT) + 400);
const prod = process.argv.includes("--prod");

async function main() {
  let embedded: EmbeddedDb | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    // DATA_DIR and EMBEDDED_DB_PORT let a second checkout (or a test) run its own embedded database beside this one.
    const dataDir = path.join(process.env.DATA_DIR ?? ".data", "pglite");
    embedded = await startEmbeddedDb({ dataDir, ...(process.env.EMBEDDED_DB_PORT ? { port: Number(process.env.EMBEDDED_DB_PORT) } : {}) });
    url = embedded.url;
    console.log(`▸ 内置数据库 (PGlite) 已启动: ${dataDir} → ${url}`);
  }

  console.log("▸ 应用数据库迁移 (prisma migrate deploy)…");
  await migrateDeploy(url, { quiet: true });

  const db = createPrismaClient(url);
  const seeded = await seedDemo(db);
  console.log(seeded.skipped ? "▸ 演示数据已存在，跳过初始化" : `▸ 已写入演示数据 (${seeded.ms} ms)`);
  const history = await seedDemoHistory(db);
  await db.$disconnect();
  if (!history.skipped) {
    console.log(`▸ 已写入近60天外呼记录: ${history.tasks} 个外呼任务、${history.calls} 次通话（${history.answered} 次接听）、${history.journeyRuns} 次旅程执行 (${history.ms} ms)`);
  }

  const env = {
    ...process.env,
    DATABASE_URL: url,
    PORT,
    AUTH_SECRET: process.env.AUTH_SECRET ?? localAuthSecret(),
    // The carrier simulator signs its webhooks; production requires a secret (server/env.ts), so --prod gets a local one.
    CARRIER_WEBHOOK_SECRET: process.env.CARRIER_WEBHOOK_SECRET ?? localAuthSecret("carrier-webhook-secret"),
    DEMO_ACCOUNTS: process.env.DEMO_ACCOUNTS ?? "on",
    // The demo's webhook receiver is on this machine (docs/api.md §6); production refuses private addresses.
    WEBHOOK_ALLOW_PRIVATE: process.env.WEBHOOK_ALLOW_PRIVATE ?? "1",
    APP_URL: process.env.APP_URL ?? `http://127.0.0.1:${PORT}`,
    CARRIER_SIM_PORT: CARRIER_PORT,
    CARRIER_SIM_URL: process.env.CARRIER_SIM_URL ?? `http://127.0.0.1:${CARRIER_PORT}`,
  };
  // The carrier is its own process, like a real vendor: it keeps its calls when the app restarts.
  const carrier = process.env.CARRIER_SIM_IN_PROCESS === "1" ? undefined : spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/carrier-sim.ts"], { stdio: "inherit", env });
  carrierProcess = carrier;
  if (prod) {
    const build = spawn("npx", ["next", "build"], { stdio: "inherit", env });
    const code: number = await new Promise((r) => build.once("exit", (c) => r(c ?? 1)));
    if (code !== 0) return shutdown(embedded, code);
  }
  const next = spawn("npx", ["next", prod ? "start" : "dev", "-p", PORT], { stdio: "inherit", env });
  console.log(`▸ 打开 http://localhost:${PORT} — 登录页列出演示账号，密码 Demo@2026`);

  const stop = () => {
    next.kill("SIGTERM");
    carrier?.kill("SIGTERM");
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  next.once("exit", (code) => void shutdown(embedded, code ?? 0));
}

/** A per-checkout session secret under .data/, so `--prod` works without configuration and sessions survive restarts. */
function localAuthSecret(name = "auth-secret"): string {
  const file = path.resolve(process.env.DATA_DIR ?? ".data", name);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

let carrierProcess: ReturnType<typeof spawn> | undefined;

async function shutdown(embedded: EmbeddedDb | undefined, code: number) {
  carrierProcess?.kill("SIGTERM");
  await embedded?.stop();
  process.exit(code);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
