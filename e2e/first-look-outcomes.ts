import type { Page } from "@playwright/test";
import { expect } from "./first-look-fixtures";

/**
 * First look at 效果分析 (e2e/first-look.spec.ts): the implant script's 呼叫 as 外呼管理 counts them (`implantDialed`),
 * visits, revenue and a cost per visit, the charts, the demo's two A/B tests, and 归因与成本设置 as the demo has it.
 */
export async function expectOutcomesPage(page: Page, implantDialed: number) {
  await page.goto("/management/outcomes");
  await expect(page.getByTestId("funnel-chart")).toBeVisible();
  const implant = page.getByTestId("funnel-row").filter({ hasText: "种植牙专家面诊邀约" });
  const figure = async (step: string) => Number((await implant.getByTestId(`funnel-${step}`).textContent())?.replace(/,/g, ""));
  expect(await figure("dialed")).toBe(implantDialed);
  const visited = await figure("visited");
  expect(visited).toBeGreaterThan(0);
  await expect(page.getByTestId("total-revenue")).toHaveText(/^¥[1-9]/);
  // 有效对话率 is not 0, and a booked visit has a cost (the company's call and SMS prices).
  expect(await figure("effective")).toBeGreaterThan(0);
  await expect(implant.getByTestId("funnel-costPerVisit")).toHaveText(/^¥\d[\d,]*\.\d\d$/);
  await expect(implant.getByTestId("funnel-costPerVisit")).not.toHaveText("¥0.00");
  await expect(page.getByTestId("total-cost-per-visit")).toHaveText(/^¥\d[\d,]*\.\d\d$/);
  // The charts (shadcn/ui chart on Recharts) drew their bars and lines.
  await expect(page.getByTestId("funnel-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("trend-chart").locator(".recharts-line-curve").first()).toBeVisible();
  // A/B tests: intervals for each variant; the implant offer test is significant, the reactivation one is still running.
  const implantTest = page.getByTestId("ab-test").filter({ hasText: "种植牙专家面诊邀约" });
  await expect(implantTest.getByTestId("ab-interval")).toHaveCount(2);
  for (const cell of await implantTest.getByTestId("ab-interval").all()) await expect(cell).toHaveText(/^\d+\.\d% \(\d+\.\d%–\d+\.\d%\)$/);
  await expect(implantTest.getByTestId("ab-verdict")).toHaveAttribute("data-verdict", "significant");
  const reactivationTest = page.getByTestId("ab-test").filter({ hasText: "半年未到店老客唤醒" });
  await expect(reactivationTest.getByTestId("ab-interval")).toHaveCount(2);
  await expect(reactivationTest.getByTestId("end-ab-test")).toBeVisible();
  // 归因与成本设置: the window the credits use and the demo company's prices behind 每次到诊成本 (opened, not changed).
  await page.getByTestId("outcome-settings").click();
  await expect(page.getByTestId("outcome-windowDays")).toHaveValue("30");
  await expect(page.getByTestId("outcome-callPrice")).toHaveValue("0.12");
  await expect(page.getByTestId("outcome-smsPrice")).toHaveValue("0.05");
  await page.getByTestId("outcome-windowDays").fill("0");
  await page.getByTestId("outcome-settings-save").click();
  await expect(page.getByRole("dialog").getByRole("alert")).toHaveText(/归因窗口为 1–90 天/);
  await page.keyboard.press("Escape");
}
