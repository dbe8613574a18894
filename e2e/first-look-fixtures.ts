import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect as baseExpect, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { createStorage } from "../server/adapters/storage";
import { createPrismaClient } from "../server/db/create-client";
import { runPatientImport } from "../server/services/patients/import/run-patient-import";
import { createDemoDatabase } from "../tests/integration/test-database";
import { PASSWORD } from "./helpers";

/**
 * The first-look spec's own world: a freshly seeded demo database (60 days of history) and a production server on it,
 * started once for the spec and removed afterwards, plus the helpers its checks share.
 */

// A cold production server renders each page's data for the first time here; on a busy machine that takes a while.
export const expect = baseExpect.configure({ timeout: 45_000 });

const PORT = Number(process.env.FIRST_LOOK_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 50);
const BASE = `http://127.0.0.1:${PORT}`;

let server: ChildProcess | undefined;
let db: Awaited<ReturnType<typeof createDemoDatabase>> | undefined;
let dataDir = "";
let serverLog = "";

export async function startDemoServer() {
  dataDir = mkdtempSync(path.join(tmpdir(), "first-look-"));
  db = await createDemoDatabase("firstlook", createStorage({ DATA_DIR: dataDir }));
  server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      AUTH_SECRET: "first-look-secret-0123456789abcdef0123",
      DEMO_ACCOUNTS: "on",
      NODE_ENV: "production",
      APP_URL: BASE,
      CARRIER_WEBHOOK_SECRET: "first-look-carrier-secret-0123456789",
      // A still picture of the demo: no dialer tick places calls while the figures are compared.
      JOBS_DISABLED: "1",
    },
  });
  server.stdout?.on("data", (d) => (serverLog += d));
  server.stderr?.on("data", (d) => (serverLog += d));
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`${BASE}/login`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the first-look server did not start:\n${serverLog}`);
}

export async function stopDemoServer() {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  await db?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

export async function query<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: db!.url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** JOBS_DISABLED keeps the demo still: a queued patient import is run here, as the job runner would. */
export async function runQueuedImport(jobId: string) {
  const jobDb = createPrismaClient(db!.url);
  try {
    return await runPatientImport(jobDb, createStorage({ DATA_DIR: dataDir }), jobId, new Date());
  } finally {
    await jobDb.$disconnect();
  }
}

/** A signed-in page that records every console error and every 4xx/5xx response. */
export async function openAs(browser: Browser, account: string) {
  const context = await browser.newContext({ baseURL: BASE, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
  });
  await page.goto("/login");
  await page.getByLabel("手机号或邮箱").fill(account);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 60_000 }); // bcrypt and a cold server on a busy machine
  return { page, problems, close: () => context.close() };
}

export const num = async (page: Page, locator: ReturnType<Page["getByTestId"]>) => Number((await locator.textContent())?.trim());
