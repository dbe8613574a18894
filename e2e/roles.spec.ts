import { expect, test } from "@playwright/test";
import { ACCOUNTS, login, trpcQuery } from "./helpers";

test("toggling a role permission takes effect for that role's user", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const staffContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const staff = await staffContext.newPage();

  await login(staff, ACCOUNTS.frontDesk);
  expect((await trpcQuery(staff, "outbound.overview")).status).toBe(403);

  await login(admin, ACCOUNTS.companyAdmin);
  await admin.goto("/management/roles");
  await admin.getByTestId("role-frontDesk").click();
  const toggle = admin.getByTestId("perm-outbound.view");
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await toggle.click();
  await expect(admin.getByText("已开启「查看智能外呼页面」")).toBeVisible();
  await expect(toggle).toHaveAttribute("aria-checked", "true");

  await staff.goto("/");
  await expect(staff.getByRole("navigation", { name: "主导航" })).toContainText("智能外呼");
  await staff.goto("/management/outbound");
  await expect(staff.getByTestId("outbound-notices")).toContainText("9:00-20:00");
  expect((await trpcQuery(staff, "outbound.overview")).status).toBe(200);

  // Revoke again: the staff member loses the page and the procedure at once.
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  expect((await trpcQuery(staff, "outbound.overview")).status).toBe(403);
  const res = await staff.goto("/management/outbound");
  expect(res?.status()).toBe(403);

  await adminContext.close();
  await staffContext.close();
});
