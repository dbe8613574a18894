import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { ACCOUNTS, login, sql } from "./helpers";
import { removeRecordsFixture, seedRecordsFixture } from "./call-records-fixtures";

const SCRIPT = "E2E话单-种植邀约";
let fixture: Awaited<ReturnType<typeof seedRecordsFixture>>;

test.beforeAll(async () => {
  fixture = await seedRecordsFixture(SCRIPT, 30);
});
test.afterAll(async () => {
  if (fixture) await removeRecordsFixture(fixture.scriptId);
});


async function pick(page: Page, label: string, option: string) {
  await page.getByRole("combobox", { name: label, exact: true }).click();
  await page.getByRole("option", { name: option }).click();
}

test("话单记录: filters, the call detail plays its recording, and 下载录音 is an mp3 named after the patient", async ({ page }) => {
  await login(page, ACCOUNTS.companyAdmin);
  await page.goto(`/call-records?scriptId=${fixture.scriptId}`);
  await expect(page.getByTestId("records-script")).toContainText(SCRIPT);
  await expect(page.getByTestId("call-record-total")).toContainText(`共 ${fixture.callIds.length} 条`);
  await expect(page.getByTestId("metric-dialed").getByTestId("metric-value")).toHaveText(String(fixture.callIds.length));

  await pick(page, "通话状态", "已接听");
  await expect(page.getByTestId("call-record-total")).toContainText(`共 ${fixture.answeredCallIds.length} 条`);
  await expect(page.getByTestId("call-record-row").first().getByTestId("call-outcome")).toHaveText("已接听");

  // 客户意向 offers the intents present in this script's records.
  const [top] = await sql<{ intent: string; n: string }>(
    `select intent, count(*) as n from "Call" where "scriptId" = $1 and outcome = 'answered' group by intent order by count(*) desc, intent limit 1`,
    [fixture.scriptId],
  );
  const labels: Record<string, string> = { interested: "有意向", somewhatInterested: "比较有意向", notInterested: "没意向", notLocal: "不在本地", refused: "拒绝来电" };
  await page.getByRole("combobox", { name: "客户意向", exact: true }).click();
  await page.getByRole("option", { name: new RegExp(`^${labels[top!.intent]} \\(`) }).click();
  await expect(page.getByTestId("call-record-total")).toContainText(`共 ${top!.n} 条`);

  const row = page.getByTestId("call-record-row").first();
  const patientName = (await row.getByRole("cell").first().textContent())!;
  await row.getByRole("button", { name: "详情" }).click();
  const dialog = page.getByTestId("call-detail");
  await expect(dialog.getByRole("heading", { name: "通话详情" })).toBeVisible();
  await expect(dialog.getByTestId("transcript-round").first()).toContainText("第 1 轮");
  await expect(dialog.getByText(labels[top!.intent]!).first()).toBeVisible();
  const audio = dialog.getByTestId("call-audio");
  await expect(audio).toBeVisible();
  const played = await audio.evaluate(async (el: HTMLAudioElement) => {
    el.muted = true;
    await el.play();
    await new Promise((r) => setTimeout(r, 1200));
    return { time: el.currentTime, duration: el.duration, error: el.error?.code ?? null };
  });
  expect(played.error).toBeNull();
  expect(played.duration).toBeGreaterThan(1);
  expect(played.time).toBeGreaterThan(0.3);
  await page.keyboard.press("Escape");

  const downloadPromise = page.waitForEvent("download");
  await row.getByTestId("download-recording").click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${patientName} \\d{4}-\\d{2}-\\d{2} \\d{2}_\\d{2}_\\d{2}外呼录音\\.mp3$`));
  const bytes = await readFile((await download.path())!);
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes[0] === 0x49 /* ID3 */ || (bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0)).toBe(true);
});

test("recordings and call records stay behind their permissions", async ({ page }) => {
  await login(page, ACCOUNTS.frontDesk);
  const res = await page.request.get(`/api/call-records/${fixture.answeredCallIds[0]}/recording`);
  expect(res.status()).toBe(403);
  const pageRes = await page.goto("/call-records");
  expect(pageRes?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});

test("the patient's 客户动态 shows the call under 跟进 → 智能外呼, with 通话详情 only when answered", async ({ page }) => {
  const [{ patientId, dialed }] = (await sql<{ patientId: string; dialed: Date }>(
    `select "patientId", "dialedAt" as dialed from "Call" where id = $1`,
    [fixture.answeredCallIds[0]],
  )) as [{ patientId: string; dialed: Date }];
  await login(page, ACCOUNTS.companyAdmin);
  await page.goto(`/patients/${patientId}`);
  await pick(page, "动态类型", "跟进");
  await pick(page, "跟进类型", "智能外呼");
  const entries = page.getByTestId("timeline-entry");
  await expect(entries.first()).toBeVisible();
  await expect(page.locator('[data-testid="timeline-entry"]:not([data-source="call"])')).toHaveCount(0);
  const title = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" }).format(dialed);
  const entry = entries.filter({ has: page.getByTestId("timeline-title").filter({ hasText: title }) }).filter({ hasText: SCRIPT }).first();
  await expect(entry).toContainText("已接听");
  await entry.getByRole("button", { name: "通话详情" }).click();
  await expect(page.getByTestId("call-detail").getByRole("heading", { name: "通话详情" })).toBeVisible();
  await page.keyboard.press("Escape");
  const unanswered = page.locator('[data-testid="timeline-entry"]').filter({ hasNot: page.getByText("已接听", { exact: true }) });
  await expect(unanswered.getByRole("button", { name: "通话详情" })).toHaveCount(0);
});

test("外呼管理: 执行数据 columns, 【详情】 figures and 【客户名单】 export as a named .xlsx", async ({ page }) => {
  const tasks = await sql<{ status: string; n: string }>(`select status, count(*) as n from "CallTask" where "scriptId" = $1 group by status`, [fixture.scriptId]);
  const byStatus = (...s: string[]) => tasks.filter((t) => s.includes(t.status)).reduce((n, t) => n + Number(t.n), 0);
  const calls = await sql<{ outcome: string; rounds: number; "durationSec": number; "patientId": string }>(
    `select outcome, rounds, "durationSec", "patientId" from "Call" where "scriptId" = $1`,
    [fixture.scriptId],
  );
  const answered = calls.filter((c) => c.outcome === "answered");

  await login(page, ACCOUNTS.companyAdmin);
  await page.goto("/management/outbound");
  const row = page.getByTestId("managed-script-row").filter({ hasText: SCRIPT });
  await expect(row.getByTestId("exec-dialed")).toHaveText(String(calls.length));
  await expect(row.getByTestId("exec-pending")).toHaveText(String(byStatus("pending", "dialing")));
  await expect(row.getByTestId("exec-intercepted")).toHaveText(String(byStatus("intercepted")));
  // 失败通话数 = 呼叫失败的通话数; tasks never dispatched are 下发失败, apart.
  await expect(row.getByTestId("exec-failed")).toHaveText(String(calls.filter((c) => c.outcome === "failed").length));
  await expect(row.getByTestId("exec-dispatchFailed")).toHaveText(String(byStatus("failed", "cancelled")));

  await row.getByRole("link", { name: "详情" }).click();
  await expect(page.getByTestId("managed-script-name")).toHaveText(SCRIPT);
  const value = (key: string) => page.getByTestId(`metric-${key}`).getByTestId("metric-value");
  await expect(value("answeredPatients")).toHaveText(String(new Set(answered.map((c) => c.patientId)).size));
  await expect(value("answerRate")).toHaveText(`${Math.round((answered.length / calls.length) * 1000) / 10}%`);
  await expect(value("avgDuration")).toHaveText(String(Math.round(answered.reduce((n, c) => n + c.durationSec, 0) / answered.length)));

  await page.getByRole("tab", { name: "客户名单" }).click();
  await expect(page.getByTestId("roster-total")).toContainText(`共 ${fixture.taskIds.length} 条`);
  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("roster-export").click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${SCRIPT}客户名单\\d{4}_\\d{2}_\\d{2}_\\d{2}_\\d{2}\\.xlsx$`));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).values).toEqual([undefined, "姓名", "性别", "手机号", "病历号", "外呼门店", "执行状态", "添加员工", "添加时间", "失败原因", "客户意向", "小结", "客户提出时间", "需回电"]);
  expect(sheet.actualRowCount).toBe(fixture.taskIds.length + 1);
});

test("回随访记录 lists calls among follow-ups, and 执行回/随访 opens a patient's timeline", async ({ page }) => {
  await login(page, ACCOUNTS.companyAdmin);
  await page.goto("/follow-ups");
  await pick(page, "跟进类型", "智能外呼");
  await expect(page.getByTestId("timeline-entry").first()).toBeVisible();
  await expect(page.locator('[data-testid="timeline-entry"]:not([data-source="call"])')).toHaveCount(0);

  await page.getByRole("link", { name: "执行回/随访" }).click();
  await expect(page.getByTestId("follow-up-task-row").first()).toBeVisible();
  await page.getByTestId("follow-up-task-row").first().getByRole("button", { name: "跟进动态" }).click();
  await expect(page.getByRole("dialog").getByTestId("timeline-entry").first()).toBeVisible();
});
