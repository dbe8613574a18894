import { expect, test } from "@playwright/test";
import { ACCOUNTS, login, sql } from "./helpers";

const suffix = () => Date.now().toString(36).slice(-5);

test("a clinic admin builds an AI script: generate, edit a bubble, voice and hang-up SMS, save, and it is all there after reload", async ({ page }) => {
  await login(page, ACCOUNTS.companyAdmin);
  await page.goto("/management/outbound/scripts");
  await page.getByTestId("new-script").click();
  await page.getByTestId("template-正畸意向邀约").getByRole("button", { name: "使用该模版" }).click();
  await expect(page).toHaveURL(/\/management\/outbound\/scripts\/new\?kind=ai/);

  // A 话术名称 over 30 characters is kept as typed and refused with the counter, never silently cut.
  const name = page.getByLabel("话术名称");
  await name.fill("正".repeat(35));
  await expect(name).toHaveValue("正".repeat(35));
  await expect(page.getByTestId("script-name-counter")).toHaveText("35/30");
  await expect(page.getByTestId("script-name-error")).toContainText("话术名称最多 30 个字，当前 35 个字");
  const scriptName = `E2E正畸邀约-${suffix()}`;
  await name.fill(scriptName);

  await page.getByLabel("活动优惠").fill("面诊免费并赠送3D口扫");
  await page.getByTestId("generate").click();
  const preview = page.getByTestId("dialogue-preview");
  const opener = page.getByTestId("ai-bubble-main-1-0");
  await expect(opener).toContainText("面诊免费并赠送3D口扫");
  for (const tab of ["主流程-1", "AI无法应答", "客户不在当地", "客户没空/拒绝", "询问价格/地址"]) {
    await expect(preview.getByRole("tab", { name: tab })).toBeVisible();
  }
  await expect(preview).toContainText("意向：有意向");

  // Double-click the blue bubble and rewrite it; variables are typed by their Chinese names.
  await opener.dblclick();
  await page.getByTestId("bubble-editor").fill("您好，请问是{患者称呼}吗？这里是{诊所简称}正畸中心，本周有隐形矫正专场，邀请您来免费面诊。");
  await page.keyboard.press("Enter");
  await expect(opener).toContainText("正畸中心，本周有隐形矫正专场");
  await expect(opener).toContainText("已修改");

  const sample = await page.request.get("/api/outbound/voices/chenlei/sample");
  expect(sample.headers()["content-type"]).toBe("audio/mpeg");
  expect((await sample.body()).byteLength).toBeGreaterThan(1000);
  await page.getByTestId("voice-chenlei").click();
  await expect(page.getByTestId("voice-chenlei")).toHaveAttribute("aria-checked", "true");

  await page.getByTestId("hangup-sms-switch").click();
  await page.getByTestId("sms-hangupSmsAnsweredTemplateId").click();
  await expect(page.getByRole("option", { name: "种植节活动通知" })).toHaveCount(0); // 待审核: not offered
  await page.getByRole("option", { name: "预约到店提醒" }).click();
  await page.getByTestId("sms-hangupSmsUnansweredTemplateId").click();
  await page.getByRole("option", { name: "未接通回电提醒" }).click();
  await expect(page.getByText("客户停机或空号时默认不发送短信")).toBeVisible();

  await page.getByTestId("save-script").click();
  await expect(page).toHaveURL(/\/management\/outbound\/scripts\/c[a-z0-9]+$/);
  await page.reload();
  await expect(page.getByTestId("ai-bubble-main-1-0")).toContainText("正畸中心，本周有隐形矫正专场");
  await expect(page.getByTestId("voice-chenlei")).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("hangup-sms-switch")).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("sms-hangupSmsAnsweredTemplateId")).toContainText("预约到店提醒");

  const [row] = await sql<{ status: string; preview: { scenarios: { rounds: { ai: string }[] }[] } }>(
    `select status, preview from "Script" where name = $1`,
    [scriptName],
  );
  expect(row!.status).toBe("enabled");
  expect(row!.preview.scenarios[0]!.rounds[0]!.ai).toBe("您好，请问是{patientTitle}吗？这里是{clinicShortName}正畸中心，本周有隐形矫正专场，邀请您来免费面诊。");

  await page.goto("/management/outbound/scripts");
  await expect(page.getByTestId("script-row").filter({ hasText: scriptName })).toContainText("启用");
});

test("a fixed-template script is created from a preset and plays as mp3", async ({ page }) => {
  await login(page, ACCOUNTS.companyAdmin);
  await page.goto("/management/outbound/scripts?tab=fixed");
  await page.getByTestId("new-script").click();
  await page.getByTestId("template-项目咨询邀约（固定）").getByRole("button", { name: "使用该模版" }).click();
  await expect(page).toHaveURL(/kind=fixed/);

  const scriptName = `E2E种植咨询-${suffix()}`;
  await page.getByLabel("话术名称").fill(scriptName);
  await page.getByLabel("咨询项目").fill("种植牙");
  // 门店参数 defaults to the first opened clinic; its 诊所简称 and 地址 are spoken.
  await expect(page.getByTestId("fixed-content")).toContainText("这里是静安店");
  await expect(page.getByTestId("fixed-content")).toContainText("种植牙专项咨询活动");

  await page.getByTestId("listen-now").click();
  const audio = page.getByTestId("script-audio");
  await expect(audio).toBeVisible();
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => (a.readyState >= 1 ? a.duration : 0)), { timeout: 30_000 }).toBeGreaterThan(3);
  const src = await audio.getAttribute("src");
  const mp3 = await page.request.get(src!);
  expect(mp3.status()).toBe(200);
  expect(mp3.headers()["content-type"]).toBe("audio/mpeg");
  const bytes = await mp3.body();
  expect(bytes.byteLength).toBeGreaterThan(5000);
  expect(bytes[0]).toBe(0xff); // an MPEG audio frame

  await page.getByTestId("journey-only").click();
  await expect(page.getByText("保存后请前往【自动旅程】进行配置").first()).toBeVisible();
  await page.getByTestId("save-script").click();
  await expect(page).toHaveURL(/\/management\/outbound\/scripts\/c[a-z0-9]+$/);

  await page.goto("/management/outbound/scripts?tab=fixed");
  const row = page.getByTestId("script-row").filter({ hasText: scriptName });
  await expect(row).toContainText("静安店");
  await expect(row).toContainText("是"); // 自动旅程专用
});

test("script pages and audio need 智能外呼 permission and an approved company", async ({ browser }) => {
  const frontDesk = await (await browser.newContext()).newPage();
  await login(frontDesk, ACCOUNTS.frontDesk);
  expect((await frontDesk.goto("/management/outbound/scripts"))?.status()).toBe(403);
  expect((await frontDesk.request.get("/api/outbound/voices/xiaoya/sample")).status()).toBe(403);

  // Company B has not been approved: its admin is sent to 外呼管理 and gets no audio.
  const companyB = await (await browser.newContext()).newPage();
  await login(companyB, ACCOUNTS.companyBAdmin);
  await companyB.goto("/management/outbound/scripts");
  await expect(companyB).toHaveURL(/\/management\/outbound$/);
  expect((await companyB.request.get("/api/outbound/voices/xiaoya/sample")).status()).toBe(403);
});
