import { expect, test } from "@playwright/test";
import { ACCOUNTS, login, sql, trpcQuery } from "./helpers";

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

test("员工账号 → 强制下线 ends that person's session at once (confirmed first)", async ({ browser }) => {
  // A user of its own, so ending its sessions disturbs no other spec's signed-in accounts.
  const email = `e2e-signout-${Date.now().toString(36)}@a.demo`;
  await sql(
    `INSERT INTO "User" (id, "companyId", "roleId", name, email, "passwordHash", "updatedAt")
     SELECT $1, u."companyId", u."roleId", '下线测试员工', $1, u."passwordHash", now() FROM "User" u WHERE u.email = $2`,
    [email, ACCOUNTS.frontDesk],
  );
  const adminContext = await browser.newContext();
  const staffContext = await browser.newContext();
  try {
    const staff = await staffContext.newPage();
    await login(staff, email);
    expect((await trpcQuery(staff, "me")).status).toBe(200);

    const admin = await adminContext.newPage();
    await login(admin, ACCOUNTS.companyAdmin);
    await admin.goto("/management/staff");
    await admin.getByTestId(`staff-${email}`).getByRole("button", { name: "强制下线" }).click();
    await expect(admin.getByRole("alertdialog")).toContainText("强制下线「下线测试员工」？");
    await admin.getByTestId("confirm-force-sign-out").click();
    await expect(admin.getByText("已强制下线「下线测试员工」")).toBeVisible();

    expect((await trpcQuery(staff, "me")).status).toBe(401);
    expect((await sql(`SELECT 1 FROM "AuditLog" WHERE action = 'user.forceSignOut' AND "targetId" = $1`, [email])).length).toBe(1);
  } finally {
    await adminContext.close();
    await staffContext.close();
    await sql(`DELETE FROM "User" WHERE id = $1`, [email]);
  }
});
