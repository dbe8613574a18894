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

test("启用 and 暂停 through process A show on process B's 实时监控 within 2 s", async ({ page, context }) => {
  test.setTimeout(120_000);
  // A script the admin can switch (the demo's may be enabled or paused by hand); it is left as it was found.
  const [script] = await sql<{ name: string; status: string }>(
    `select s.name, s.status::text from "Script" s join "User" u on u."companyId" = s."companyId"
     where u.email = $1 and (s.status = 'enabled' or (s.status = 'paused' and s."pauseReason" = 'manual')) and not s."journeyOnly"
     order by s."createdAt" limit 1`,
    [ACCOUNTS.companyAdmin],
  );
  expect(script).toBeTruthy();
  const name = script!.name;
  await login(page, ACCOUNTS.companyAdmin);
  // The session cookie is the host's, so the same browser is signed in on both processes.
  const pageB = await context.newPage();
  await pageB.goto(`${B}/management/outbound/monitor`);
  await expect(pageB.getByTestId("monitor-stream-state")).toHaveText("实时推送");
  const reasonB = pageB.getByTestId(`monitor-script-${name}`).getByTestId("monitor-reason");
  await page.goto(`${A}/management/outbound/monitor`);
  const reasonA = page.getByTestId(`monitor-script-${name}`).getByTestId("monitor-reason");

  const change = async (action: "pause" | "enable") => {
    await page.getByTestId(`script-${action}-${name}`).click();
    await page.getByRole("alertdialog").getByRole("button", { name: action === "pause" ? "暂停" : "启用" }).click();
    if (action === "pause") {
      await expect(reasonA).toHaveText("话术已暂停");
      await expect(reasonB).toHaveText("话术已暂停", { timeout: 2_000 });
    } else {
      await expect(reasonA).not.toHaveText("话术已暂停");
      await expect(reasonB).not.toHaveText("话术已暂停", { timeout: 2_000 });
    }
  };
  if (script!.status === "paused") {
    await expect(reasonB).toHaveText("话术已暂停");
    await change("enable");
    await change("pause");
  } else {
    await expect(reasonB).not.toHaveText("话术已暂停");
    await change("pause");
    await change("enable");
  }
});
