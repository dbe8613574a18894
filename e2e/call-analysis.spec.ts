import { expect, test } from "@playwright/test";
import { ACCOUNTS, login, sql } from "./helpers";
import { removeRecordsFixture, seedRecordsFixture } from "./call-records-fixtures";

const SCRIPT = "E2E分析-种植邀约";
let fixture: Awaited<ReturnType<typeof seedRecordsFixture>>;

test.beforeAll(async () => {
  fixture = await seedRecordsFixture(SCRIPT, 20);
  // One answered call in which the patient asked for a person: the rules flag it 需回电 on re-analysis.
  await sql(
    `update "Call" set transcript = $2::jsonb where id = $1`,
    [fixture.answeredCallIds[0], JSON.stringify([{ speaker: "ai", text: "您好，这里是静安店" }, { speaker: "patient", text: "你让医生给我回个电话吧" }])],
  );
});
test.afterAll(async () => {
  if (fixture) await removeRecordsFixture(fixture.scriptId);
});

const count = async (text: string, params: unknown[]) => Number((await sql<{ n: string }>(text, params))[0]!.n);

test("重新分析: a manager re-runs a script's calls in the background, then 需回电 filters and the detail shows the analysis", async ({ page }) => {
  test.setTimeout(180_000); // the job runs in the server's in-process driver next to the dialer's crons
  await login(page, ACCOUNTS.companyAdmin);
  await page.goto(`/call-records?scriptId=${fixture.scriptId}`);
  const panel = page.getByTestId("script-reanalysis");
  await panel.getByRole("button", { name: "重新分析" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "开始分析" }).click();
  const ended = await count(`select count(*) as n from "Call" where "scriptId" = $1 and outcome is not null`, [fixture.scriptId]);
  await expect(panel.getByTestId("analysis-progress")).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(panel.getByTestId("analysis-progress")).toContainText(`上次重新分析：${ended} 通`);
  expect(await count(`select count(*) as n from "Call" where "scriptId" = $1 and outcome is not null and "analyzedAt" is null`, [fixture.scriptId])).toBe(0);

  const flagged = await count(`select count(*) as n from "Call" where "scriptId" = $1 and "callbackRequested"`, [fixture.scriptId]);
  expect(flagged).toBeGreaterThan(0);
  await page.getByTestId("filter-callback").click();
  await expect(page).toHaveURL(/callback=1/);
  await expect(page.getByTestId("call-record-total")).toContainText(`共 ${flagged} 条`);
  const row = page.getByTestId("call-record-row").first();
  await expect(row.getByTestId("callback-badge")).toBeVisible();

  await row.getByRole("button", { name: "详情" }).click();
  const analysis = page.getByTestId("call-detail").getByTestId("call-analysis");
  await expect(analysis.getByTestId("analysis-status")).toHaveText("规则分析");
  await expect(analysis.getByTestId("analysis-callback")).toHaveText("是");
  await expect(analysis.getByTestId("analysis-reason")).not.toHaveText("—");
  // One call again, from the dialog.
  await analysis.getByTestId("reanalyze-call").click();
  await expect
    .poll(() => count(`select count(*) as n from "CallAnalysisJob" where "scriptId" = $1 and "callId" is not null and status = 'done'`, [fixture.scriptId]), { timeout: 20_000 })
    .toBe(1);
  await expect(analysis.getByTestId("reanalyze-call")).toBeEnabled();
});
