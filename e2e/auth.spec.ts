import { expect, test } from "@playwright/test";
import { ACCOUNTS, login } from "./helpers";

test("the login page lists the demo accounts and a demo account signs in and out", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  const demo = page.getByTestId("demo-accounts");
  await expect(demo).toContainText("公司管理员");
  await expect(demo).toContainText(ACCOUNTS.companyAdmin);

  await demo.getByRole("listitem").filter({ hasText: "公司管理员" }).getByRole("button", { name: "使用" }).click();
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("heading", { name: /您好/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主导航" })).toContainText("患者管理");

  await page.getByTestId("user-menu").click();
  await page.getByTestId("logout").click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/patients");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("手机号或邮箱").fill(ACCOUNTS.companyAdmin);
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "账号或密码错误" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("signs in by mobile number", async ({ page }) => {
  await login(page, ACCOUNTS.platformAdmin);
  await expect(page).toHaveURL(/\/platform\/qualifications/);
  await expect(page.getByRole("navigation", { name: "主导航" })).toContainText("资质审核");
  await expect(page.getByRole("navigation", { name: "主导航" })).not.toContainText("患者管理");
});

test("signing out ends the session: a copy of its cookie is refused afterwards (issue 23)", async ({ page, browser }) => {
  await login(page, ACCOUNTS.consultant);
  const copy = await browser.newContext({ storageState: await page.context().storageState() });
  try {
    expect((await copy.request.get("/api/trpc/me")).status()).toBe(200);
    await page.getByTestId("user-menu").click();
    await page.getByTestId("logout").click();
    await expect(page).toHaveURL(/\/login/);
    expect((await copy.request.get("/api/trpc/me")).status()).toBe(401);
  } finally {
    await copy.close();
  }
});
