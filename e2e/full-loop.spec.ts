import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { ACCOUNTS, login, sql } from "./helpers";
import { COMPANY_A, createLoopScript, LOOP_CLINIC, withinCallingHours, withoutRedials } from "./full-loop-fixtures";

const SCRIPT = `E2E全流程-${Date.now().toString(36)}`;

test("the whole loop: 20 patients → preview → 开始呼叫 → calls end → metrics, export, recording and timeline agree", async ({ page }) => {
  test.setTimeout(420_000);
  const [clinic] = await sql<{ id: string }>(
    `select c.id from "Clinic" c join "Company" co on co.id = c."companyId" where co.name = $1 and c."shortName" = $2`,
    [COMPANY_A, LOOP_CLINIC],
  );
  const restores = [await withinCallingHours(clinic!.id), await withoutRedials()];
  let scriptId: string | undefined;
  try {
    await login(page, ACCOUNTS.companyAdmin);
    scriptId = await createLoopScript(page, SCRIPT, clinic!.id);

    // 患者管理 → the clinic's first page → 批量处理 → 智能外呼
    await page.goto("/patients");
    await page.getByRole("combobox", { name: "门诊" }).click();
    await page.getByRole("option", { name: new RegExp(LOOP_CLINIC) }).click();
    await expect(page).toHaveURL(/clinicId=/);
    await expect(page.getByTestId("patient-row")).toHaveCount(20);
    await page.getByRole("checkbox", { name: "选择本页" }).click();
    await expect(page.getByText("已选 20 人")).toBeVisible();
    await page.getByTestId("batch-menu").click();
    await page.getByRole("menuitem", { name: "智能外呼" }).click();
    await expect(page).toHaveURL(/\/patients\/batch-call/);
    await expect(page.getByTestId("batch-patient-row")).toHaveCount(20);
    const patientIds = await page.evaluate(() => JSON.parse(sessionStorage.getItem("batchCall.patientIds") ?? "[]") as string[]);
    expect(patientIds).toHaveLength(20);

    // The script picker offers the new fixed script with a play button; choosing it shows the 呼叫预估.
    const option = page.getByTestId("script-option").filter({ hasText: SCRIPT });
    await expect(option.getByTestId("script-play")).toBeVisible();
    await option.getByRole("radio").check();
    const plan = page.getByTestId("call-plan");
    await expect(plan).toBeVisible();
    const planned = async (key: string) => Number(await plan.getByTestId(`plan-${key}`).getByTestId("plan-count").textContent());
    const counts = { now: await planned("now"), queued: await planned("queued"), deferred: await planned("deferred"), intercepted: await planned("intercepted"), refused: await planned("refused") };
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(20);
    const [{ n: withoutOwnMobile }] = (await sql<{ n: string }>(
      `select count(*) as n from "Patient" where id = any($1) and (mobile is null or not "hasOwnMobile")`,
      [patientIds],
    )) as [{ n: string }];
    expect(counts.refused).toBeGreaterThanOrEqual(Number(withoutOwnMobile));
    expect(counts.deferred).toBe(0);

    await page.getByTestId("start-batch").click();
    await page.getByTestId("confirm-start").click();
    await expect(page.getByTestId("batch-progress")).toBeVisible();
    // The simulator answers in compressed time; the batch is over when no task waits or is in a call. The simulator
    // drops ~3 % of final records (CARRIER_SIM_FAULTS default): such a call is settled by reconciliation after 3 min
    // (docs/dialer.md), so the wait allows for one.
    await expect(page.getByTestId("progress-state")).toHaveText("本批次呼叫已全部完成", { timeout: 300_000 });

    // What the records say, computed here.
    const tasks = await sql<{ status: string; n: string }>(`select status, count(*) as n from "CallTask" where "scriptId" = $1 group by status`, [scriptId]);
    const byStatus = (...s: string[]) => tasks.filter((t) => s.includes(t.status)).reduce((n, t) => n + Number(t.n), 0);
    const calls = await sql<{ id: string; outcome: string; rounds: number; durationSec: number; patientId: string }>(
      `select id, outcome, rounds, "durationSec", "patientId" from "Call" where "scriptId" = $1`,
      [scriptId],
    );
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.outcome !== null)).toBe(true);
    const answered = calls.filter((c) => c.outcome === "answered");
    const effective = answered.filter((c) => c.rounds >= 2); // 有效对话: 对话达2轮以上, 2 included
    const pct = (n: number) => `${Math.round((n / calls.length) * 1000) / 10}%`;
    expect(counts.now + counts.queued).toBe(calls.length + byStatus("intercepted") - counts.intercepted);

    // 外呼管理 → 【详情】: the cards equal the computation.
    await page.goto(`/management/outbound/scripts/${scriptId}/detail`);
    const value = (key: string) => page.getByTestId(`metric-${key}`).getByTestId("metric-value");
    await expect(value("dialed")).toHaveText(String(calls.length));
    await expect(value("pending")).toHaveText(String(byStatus("pending", "dialing")));
    await expect(value("intercepted")).toHaveText(String(byStatus("intercepted")));
    await expect(value("failed")).toHaveText(String(calls.filter((c) => c.outcome === "failed").length));
    await expect(value("dispatchFailed")).toHaveText(String(byStatus("failed", "cancelled")));
    await expect(value("answeredPatients")).toHaveText(String(new Set(answered.map((c) => c.patientId)).size));
    await expect(value("answerRate")).toHaveText(pct(answered.length));
    await expect(value("effectivePatients")).toHaveText(String(new Set(effective.map((c) => c.patientId)).size));
    await expect(value("effectiveRate")).toHaveText(pct(effective.length));
    await expect(value("avgDuration")).toHaveText(answered.length ? String(Math.round(answered.reduce((n, c) => n + c.durationSec, 0) / answered.length)) : "—");

    // 【客户名单】-【导出】: a valid .xlsx with the seed's name and one row per patient.
    await page.getByRole("tab", { name: "客户名单" }).click();
    await expect(page.getByTestId("roster-total")).toContainText("共 20 条");
    const exportDownload = page.waitForEvent("download");
    await page.getByTestId("roster-export").click();
    const xlsx = await exportDownload;
    expect(xlsx.suggestedFilename()).toMatch(new RegExp(`^${SCRIPT}客户名单\\d{4}_\\d{2}_\\d{2}_\\d{2}_\\d{2}\\.xlsx$`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await xlsx.path())!)) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0]!.actualRowCount).toBe(21);

    // 【话单】 → an answered call's 详情 plays its recording; 下载录音 is an mp3.
    expect(answered.length).toBeGreaterThan(0);
    await page.goto(`/call-records?scriptId=${scriptId}&outcome=answered`);
    await expect(page.getByTestId("call-record-total")).toContainText(`共 ${answered.length} 条`);
    const row = page.getByTestId("call-record-row").first();
    await expect(row.getByTestId("download-recording")).toBeVisible({ timeout: 30_000 });
    const patientName = (await row.getByRole("cell").first().textContent())!;
    await row.getByRole("button", { name: "详情" }).click();
    const audio = page.getByTestId("call-detail").getByTestId("call-audio");
    const played = await audio.evaluate(async (el: HTMLAudioElement) => {
      el.muted = true;
      await el.play();
      await new Promise((r) => setTimeout(r, 1000));
      return { time: el.currentTime, error: el.error?.code ?? null };
    });
    expect(played).toMatchObject({ error: null });
    expect(played.time).toBeGreaterThan(0.2);
    await page.keyboard.press("Escape");
    const mp3Download = page.waitForEvent("download");
    await row.getByTestId("download-recording").click();
    const mp3 = await mp3Download;
    expect(mp3.suggestedFilename()).toMatch(new RegExp(`^${patientName} \\d{4}-\\d{2}-\\d{2} \\d{2}_\\d{2}_\\d{2}外呼录音\\.mp3$`));
    const bytes = await readFile((await mp3.path())!);
    expect(bytes[0] === 0x49 || (bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0)).toBe(true);

    // The patient's 客户动态 shows the call.
    const patientId = answered[0]!.patientId;
    await page.goto(`/patients/${patientId}`);
    await page.getByRole("combobox", { name: "动态类型" }).click();
    await page.getByRole("option", { name: "跟进" }).click();
    await page.getByRole("combobox", { name: "跟进类型" }).click();
    await page.getByRole("option", { name: "智能外呼" }).click();
    const entry = page.getByTestId("timeline-entry").filter({ hasText: SCRIPT }).first();
    await expect(entry).toContainText("已接听");
    await expect(entry.getByRole("button", { name: "通话详情" })).toBeVisible();
  } finally {
    if (scriptId) await sql(`delete from "Script" where id = $1`, [scriptId]);
    for (const restore of restores.reverse()) await restore();
  }
});
