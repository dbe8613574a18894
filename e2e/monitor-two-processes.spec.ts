import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { removeRecordsFixture, seedRecordsFixture } from "./call-records-fixtures";
import { createLoopScript, LOOP_CLINIC, withinCallingHours, withoutRedials } from "./full-loop-fixtures";
import { ACCOUNTS, login, sql } from "./helpers";

/**
 * 实时监控 with several app processes on one database (issue 27). Process A is the suite's server (it dials); B and C
 * are started here with their jobs off, so that only A dials: what they show reaches them through A's NOTIFY on their
 * LISTEN connection. C's clock is shifted to the other side of the calling window from the real time — 21:30 in
 * Shanghai by day, 13:00 by night (APP_TEST_CLOCK_SHIFT_MINUTES, honoured on an e2e database only) — so one of B and C
 * gives the window as the reason and the other does not, whenever the suite runs.
 * Ports: E2E_PORT_B (default E2E_PORT + 2) and E2E_PORT_C (default the next one).
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const PORT_B = Number(process.env.E2E_PORT_B ?? PORT + 2);
const PORT_C = Number(process.env.E2E_PORT_C ?? PORT_B + 1);
const A = `http://127.0.0.1:${PORT}`;
const B = `http://127.0.0.1:${PORT_B}`;
const C = `http://127.0.0.1:${PORT_C}`;

/** The real minute of the day in Shanghai (UTC+8, no DST). */
const shanghaiMinute = (now = new Date()) => (now.getUTCHours() * 60 + now.getUTCMinutes() + 8 * 60) % 1440;
/** Minutes from now to the next `target` minute of the day in Shanghai at least two hours ahead. */
function shiftTo(target: number, now = new Date()): number {
  const shift = (target - shanghaiMinute(now) + 1440) % 1440;
  return shift < 120 ? shift + 1440 : shift;
}
// C takes the other side of the calling window (09:00–20:00) from the real time, whenever the suite runs: 21:30 while
// the real time is inside it (with a margin for the suite's own minutes), 13:00 while it is outside.
const REAL_INSIDE_WINDOW = shanghaiMinute() >= 9 * 60 + 10 && shanghaiMinute() < 19 * 60 + 40;
const SHIFT_MINUTES = shiftTo(REAL_INSIDE_WINDOW ? 21 * 60 + 30 : 13 * 60);

const processes: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

async function startProcess(port: number, extraEnv: Record<string, string> = {}) {
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
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
      ...extraEnv,
    },
  });
  processes.push(child);
  return child;
}

async function waitUp(base: string, deadline: number) {
  for (;;) {
    const ok = await fetch(`${base}/login`).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${base} did not start`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await startProcess(PORT_B);
  await startProcess(PORT_C, { APP_TEST_CLOCK_SHIFT_MINUTES: String(SHIFT_MINUTES) });
  const deadline = Date.now() + 200_000;
  await waitUp(B, deadline);
  await waitUp(C, deadline);
});

test.afterAll(async () => {
  for (const p of processes) if (p.pid) process.kill(-p.pid, "SIGTERM");
  for (const undo of cleanups.reverse()) await undo();
});

async function openMonitor(page: Page, base: string) {
  await page.goto(`${base}/management/outbound/monitor`);
  await expect(page.getByTestId("monitor-stream-state")).toHaveText("实时推送");
}

test("暂停 through process A shows on process B's 实时监控 within 2 s", async ({ page, context }) => {
  test.setTimeout(120_000);
  // An enabled script of company A with a few calls (removed afterwards).
  const scriptId = (await seedRecordsFixture("e2e-双进程监控话术", 4)).scriptId;
  cleanups.push(() => removeRecordsFixture(scriptId));
  const [script] = await sql<{ name: string; status: string }>(`select name, status::text from "Script" where id = $1`, [scriptId]);
  expect(script).toBeTruthy();
  const name = script!.name;
  await login(page, ACCOUNTS.companyAdmin);
  // The session cookie is the host's, so the same browser is signed in on every process.
  const pageB = await context.newPage();
  await openMonitor(pageB, B);
  // The monitor lists enabled scripts and those with work or a reason; this one has no pending tasks due, so it is
  // listed while enabled and leaves the list when paused — on both processes.
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

test("of two processes whose clocks are on either side of the calling window, only the one outside gives it as the reason", async ({ page, context }) => {
  test.setTimeout(120_000);
  const fixture = await seedRecordsFixture("e2e-监控外呼时段话术", 4);
  cleanups.push(() => removeRecordsFixture(fixture.scriptId));
  // Two of its tasks made 待呼 again, due in an hour: on C's clock (≥ 2 h ahead) they are due now; A will not dial them
  // meanwhile.
  const moved = await sql(
    `update "CallTask" set status = 'pending', "finishedAt" = null, "nextAttemptAt" = now() + interval '1 hour'
     where id in (select id from "CallTask" where "scriptId" = $1 and mobile is not null order by id limit 2) returning id`,
    [fixture.scriptId],
  );
  expect(moved.length).toBeGreaterThan(0);
  const [{ name }] = (await sql<{ name: string }>(`select name from "Script" where id = $1`, [fixture.scriptId])) as [{ name: string }];
  await login(page, ACCOUNTS.companyAdmin);
  const pageC = await context.newPage();
  await openMonitor(pageC, C);
  const reasonC = pageC.getByTestId(`monitor-script-${name}`).getByTestId("monitor-reason");
  await openMonitor(page, B);
  const reasonB = page.getByTestId(`monitor-script-${name}`).getByTestId("monitor-reason");
  // By day the real-time B is inside the window and C (21:30) outside; by night the other way round.
  const [outside, inside] = REAL_INSIDE_WINDOW ? [reasonC, reasonB] : [reasonB, reasonC];
  await expect(outside).toHaveText(/不在外呼时段（09:00–20:00），将于 (今天|明天) 09:00 开始/);
  await expect(inside).toBeVisible();
  await expect(inside).not.toContainText("不在外呼时段");
});

test("a batch dialed by process A: its dials and live calls reach process B's 实时监控 within 2 s", async ({ page, context }) => {
  test.setTimeout(240_000);
  const [clinic] = await sql<{ id: string }>(
    `select c.id from "Clinic" c join "Company" co on co.id = c."companyId" where co.name = '微笑口腔连锁' and c."shortName" = $1`,
    [LOOP_CLINIC],
  );
  cleanups.push(await withinCallingHours(clinic!.id), await withoutRedials());
  await login(page, ACCOUNTS.companyAdmin);
  const scriptName = `E2E监控批次-${Date.now().toString(36)}`;
  const scriptId = await createLoopScript(page, scriptName, clinic!.id);
  cleanups.push(() => removeRecordsFixture(scriptId));
  // Patients of the clinic with a mobile of their own, no open task and no call this month (no frequency interception).
  const patients = await sql<{ id: string }>(
    `select p.id from "Patient" p
     where p."clinicId" = $1 and p.mobile is not null and p."hasOwnMobile"
       and not exists (select 1 from "CallTask" t where t."patientId" = p.id and t.status in ('pending', 'dialing', 'inCall'))
       and not exists (select 1 from "Call" c where c."patientId" = p.id and c."dialedAt" > now() - interval '30 days')
     order by p.id limit 10`,
    [clinic!.id],
  );
  expect(patients.length).toBeGreaterThanOrEqual(5);

  const pageB = await context.newPage();
  await openMonitor(pageB, B);
  await expect(pageB.getByTestId(`monitor-script-${scriptName}`)).toHaveCount(1);
  // When each live call's row and the script's first dial first show on B's page (the browser's clock: this machine's).
  await pageB.evaluate((name) => {
    const w = window as unknown as { seenCalls: Record<string, number>; dialsSeenAt: number | null };
    w.seenCalls = {};
    w.dialsSeenAt = null;
    const record = () => {
      for (const el of document.querySelectorAll<HTMLElement>('[data-testid^="monitor-call-"]')) {
        w.seenCalls[el.dataset.testid!.slice("monitor-call-".length)] ??= Date.now();
      }
      const dials = document.querySelector(`[data-testid="monitor-script-${CSS.escape(name)}"] [data-testid="monitor-script-dials"]`);
      if (w.dialsSeenAt === null && dials && !/^\s*0\s*\//.test(dials.textContent ?? "")) w.dialsSeenAt = Date.now();
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, scriptName);

  // 开始呼叫 through process A (the batch API the batch-call screen uses).
  const res = await page.request.post(`${A}/api/trpc/batchCall.start`, { data: { json: { scriptId, patientIds: patients.map((p) => p.id) } } });
  expect(res.ok(), await res.text()).toBe(true);
  const started = (await res.json()).result.data.json as { queued: number };
  expect(started.queued).toBeGreaterThan(0);

  // Every task dialed (none waits or is being placed), then a few seconds for the calls to go on. A call whose record the
  // simulator drops (CARRIER_SIM_FAULTS) stays in a call until reconciliation: it is live all along and counts as long.
  await expect
    .poll(async () => (await sql<{ n: string }>(`select count(*) as n from "CallTask" where "scriptId" = $1 and status in ('pending', 'dialing')`, [scriptId]))[0]!.n, {
      timeout: 120_000,
    })
    .toBe("0");
  await pageB.waitForTimeout(5_000);
  // Each dial: its task (the live call's row on the page), when A recorded the carrier's accept, and when the task
  // finished (A's clock too; the call record's own times are the carrier's uncompressed ones).
  // (Times as epoch ms: the columns are UTC timestamps without a zone.)
  const dials = (
    await sql<{ id: string; dialedMs: number; finishedMs: number | null }>(
      `select t.id, (extract(epoch from c."dialedAt") * 1000)::float8 as "dialedMs", (extract(epoch from t."finishedAt") * 1000)::float8 as "finishedMs"
       from "Call" c join "CallTask" t on t.id = c."taskId" where c."scriptId" = $1`,
      [scriptId],
    )
  ).map((d) => ({ id: d.id, dialedAt: new Date(d.dialedMs), finishedAt: d.finishedMs === null ? null : new Date(d.finishedMs) }));
  const seen = await pageB.evaluate(() => {
    const w = window as unknown as { seenCalls: Record<string, number>; dialsSeenAt: number | null };
    return { calls: w.seenCalls, dialsAt: w.dialsSeenAt };
  });
  expect(dials.length).toBeGreaterThan(0);
  const firstDial = Math.min(...dials.map((d) => d.dialedAt.getTime()));
  // The first dial: the script's 拨打/分钟 on B leaves 0 within 2 s of A's first dial.
  expect(seen.dialsAt, "B never showed a dial of the batch").not.toBeNull();
  expect(seen.dialsAt! - firstDial).toBeLessThan(2_000);
  // Live calls: each shown on B within 2 s of its dial; every call that lasted 2.5 s or more was shown.
  const rows = dials.map((d) => ({
    id: d.id,
    lastedMs: (d.finishedAt?.getTime() ?? Date.now()) - d.dialedAt.getTime(),
    latencyMs: seen.calls[d.id] === undefined ? null : seen.calls[d.id]! - d.dialedAt.getTime(),
  }));
  console.log(`[monitor e2e] live calls on B: ${JSON.stringify(rows)}`);
  expect(rows.filter((r) => r.latencyMs !== null).length, "no live call of the batch showed on B").toBeGreaterThan(0);
  for (const r of rows) {
    if (r.latencyMs !== null) expect(r.latencyMs, `call ${r.id}`).toBeLessThan(2_000);
    else expect(r.lastedMs, `call ${r.id} lasted ${r.lastedMs} ms and never showed on B`).toBeLessThan(2_500);
  }
});

test("平台实时监控 on process B is pushed: a company's change notified by another connection shows within 2 s", async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ baseURL: A, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  try {
    const page = await context.newPage();
    await login(page, ACCOUNTS.platformAdmin);
    await page.goto(`${B}/platform/monitor`);
    await expect(page.getByTestId("monitor-stream-state")).toHaveText("实时推送");
    const row = page.getByTestId("platform-monitor-微笑口腔连锁");
    await expect(row).toBeVisible();
    // Another process's write to the company, with the dialer's notification (as withCallRows sends it at commit).
    const [company] = await sql<{ id: string; seatLimit: number | null }>(`select id, "seatLimit" from "Company" where name = '微笑口腔连锁'`);
    const limit = company!.seatLimit === 1234 ? 1235 : 1234;
    await sql(`update "Company" set "seatLimit" = $2 where id = $1`, [company!.id, limit]);
    cleanups.push(async () => {
      await sql(`update "Company" set "seatLimit" = $2 where id = $1`, [company!.id, company!.seatLimit]);
    });
    await expect(row).not.toContainText(`/ ${limit}`);
    await sql(`select pg_notify('dialer_activity', $1)`, [company!.id]);
    await expect(row).toContainText(`/ ${limit}`, { timeout: 2_000 });
  } finally {
    await context.close();
  }
});
