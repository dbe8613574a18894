import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { removeRecordsFixture, seedRecordsFixture } from "./call-records-fixtures";
import { ACCOUNTS, login, sql } from "./helpers";

/**
 * 实时监控 with two app processes on one database (issue 27): a change committed through process A (the suite's server)
 * reaches the monitor page served by process B (started here, with its jobs off so that only A dials) within 2 s —
 * pushed by A's NOTIFY to B's LISTEN connection, well before the page's 10 s fallback refresh.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const PORT_B = PORT + 2;
const A = `http://127.0.0.1:${PORT}`;
const B = `http://127.0.0.1:${PORT_B}`;
let processB: ChildProcess | null = null;
let fixtureScriptId: string | null = null;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  processB = spawn("npx", ["next", "start", "-p", String(PORT_B), "-H", "127.0.0.1"], {
    stdio: "ignore",
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      AUTH_SECRET: "e2e-secret-0123456789abcdef0123456789",
      DEMO_ACCOUNTS: "on",
      NODE_ENV: "production",
      APP_URL: A,
      CARRIER_WEBHOOK_SECRET: "e2e-carrier-webhook-secret-0123456789",
      CARRIER_SIM_TIME_SCALE: "30",
      CARRIER_SIM_URL: `http://127.0.0.1:${Number(process.env.E2E_CARRIER_PORT ?? PORT + 1000)}`,
      JOBS_DISABLED: "1",
    },
  });
  const deadline = Date.now() + 150_000;
  for (;;) {
    const ok = await fetch(`${B}/login`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error("process B did not start");
    await new Promise((r) => setTimeout(r, 1_000));
  }
});

test.afterAll(async () => {
  if (processB?.pid) process.kill(-processB.pid, "SIGTERM");
  if (fixtureScriptId) await removeRecordsFixture(fixtureScriptId);
});

test("暂停 through process A shows on process B's 实时监控 within 2 s", async ({ page, context }) => {
  test.setTimeout(120_000);
  // An enabled script of company A with a few calls (removed afterwards).
  fixtureScriptId = (await seedRecordsFixture("e2e-双进程监控话术", 4)).scriptId;
  const [script] = await sql<{ name: string; status: string }>(`select name, status::text from "Script" where id = $1`, [fixtureScriptId]);
  expect(script).toBeTruthy();
  const name = script!.name;
  await login(page, ACCOUNTS.companyAdmin);
  // The session cookie is the host's, so the same browser is signed in on both processes.
  const pageB = await context.newPage();
  await pageB.goto(`${B}/management/outbound/monitor`);
  await expect(pageB.getByTestId("monitor-stream-state")).toHaveText("实时推送");
  // The monitor lists enabled scripts and those with work or a reason; this one has no pending tasks, so it is listed
  // while enabled and leaves the list when paused — on both processes.
  const rowB = pageB.getByTestId(`monitor-script-${name}`);
  await page.goto(`${A}/management/outbound/monitor`);
  const rowA = page.getByTestId(`monitor-script-${name}`);
  expect(script!.status).toBe("enabled");
  await expect(rowB).toHaveCount(1);

  await rowA.getByTestId(`script-pause-${name}`).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "暂停" }).click();
  await expect(rowA).toHaveCount(0);
  await expect(rowB).toHaveCount(0, { timeout: 2_000 });
});
