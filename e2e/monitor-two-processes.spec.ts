import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
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

test.afterAll(() => {
  if (processB?.pid) process.kill(-processB.pid, "SIGTERM");
});

test("a pause through process A shows on process B's 实时监控 within 2 s, and so does 启用", async ({ page, context }) => {
  test.setTimeout(120_000);
  const [script] = await sql<{ name: string }>(
    `select s.name from "Script" s join "Company" c on c.id = s."companyId" join "User" u on u."companyId" = c.id
     where u.email = $1 and s.status = 'enabled' order by s."createdAt" limit 1`,
    [ACCOUNTS.companyAdmin],
  );
  expect(script).toBeTruthy();
  await login(page, ACCOUNTS.companyAdmin);
  // The session cookie is the host's, so the same browser is signed in on both processes.
  const pageB = await context.newPage();
  await pageB.goto(`${B}/management/outbound/monitor`);
  await expect(pageB.getByTestId("monitor-stream-state")).toHaveText("实时推送");
  const reasonB = pageB.getByTestId(`monitor-script-${script!.name}`).getByTestId("monitor-reason");
  await expect(reasonB).not.toHaveText("话术已暂停");

  await page.goto(`${A}/management/outbound/monitor`);
  await page.getByTestId(`script-pause-${script!.name}`).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "暂停" }).click();
  await expect(page.getByTestId(`monitor-script-${script!.name}`).getByTestId("monitor-reason")).toHaveText("话术已暂停");
  await expect(reasonB).toHaveText("话术已暂停", { timeout: 2_000 });

  await page.getByTestId(`script-enable-${script!.name}`).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "启用" }).click();
  await expect(page.getByTestId(`monitor-script-${script!.name}`).getByTestId("monitor-reason")).not.toHaveText("话术已暂停");
  await expect(reasonB).not.toHaveText("话术已暂停", { timeout: 2_000 });
});
