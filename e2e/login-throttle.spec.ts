import { expect, test } from "@playwright/test";
import { sql } from "./helpers";

// An account nobody has: the lock works the same whether or not the account exists (no account probing).
const ACCOUNT = "throttle-e2e@a.demo";

test.afterAll(async () => {
  // Also the IP's count, so later specs' wrong passwords start from zero.
  await sql(`DELETE FROM "LoginThrottle" WHERE key = $1 OR key LIKE 'ip:%'`, [`account:${ACCOUNT}`]);
});

test("five wrong passwords lock the account, with a message saying when to try again (zh-CN and en)", async ({ page, context }) => {
  await page.goto("/login");
  const submit = async () => {
    await page.getByLabel("手机号或邮箱").fill(ACCOUNT);
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录", exact: true }).click();
  };
  for (let i = 0; i < 4; i++) {
    await submit();
    await expect(page.getByRole("alert").filter({ hasText: "账号或密码错误" })).toBeVisible();
    await page.reload();
  }
  await submit();
  const alert = page.getByRole("alert").filter({ hasText: "登录失败次数过多" });
  await expect(alert).toContainText(/请于 \d{2}:\d{2}:\d{2}（约 1 分钟后）再试/);

  const [row] = await sql<{ failures: number; lockedUntil: Date }>(`SELECT failures, "lockedUntil" FROM "LoginThrottle" WHERE key = $1`, [`account:${ACCOUNT}`]);
  expect(row).toMatchObject({ failures: 5 });
  const audit = await sql<{ action: string }>(`SELECT action FROM "AuditLog" WHERE action LIKE 'auth.login.%' AND data->>'account' = $1`, [ACCOUNT]);
  expect(audit.filter((a) => a.action === "auth.login.failed")).toHaveLength(5);

  await context.addCookies([{ name: "locale", value: "en", url: page.url() }]);
  await page.goto("/login");
  await page.getByLabel("Mobile or e-mail").fill(ACCOUNT);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toContainText(/Too many failed sign-ins.*Try again at .*\(in about 1 min\)/);
  const refused = await sql<{ n: string }>(`SELECT count(*) AS n FROM "AuditLog" WHERE action = 'auth.login.locked' AND data->>'account' = $1`, [ACCOUNT]);
  expect(Number(refused[0]!.n)).toBe(1);
});

test("a client-chosen X-Forwarded-For does not change the address a wrong password counts against", async ({ page }) => {
  await sql(`DELETE FROM "LoginThrottle" WHERE key LIKE 'ip:%'`);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.77, 198.51.100.9", "x-real-ip": "198.51.100.10" });
  await page.goto("/login");
  await page.getByLabel("手机号或邮箱").fill("spoof-e2e@a.demo");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "账号或密码错误" })).toBeVisible();
  const keys = (await sql<{ key: string }>(`SELECT key FROM "LoginThrottle" WHERE key LIKE 'ip:%'`)).map((r) => r.key);
  // The e2e server is reached directly (TRUSTED_PROXY_HOPS unset = 0): the socket's loopback address is counted.
  expect(keys).toEqual([expect.stringMatching(/^ip:(127\.0\.0\.1|::1)$/)]);
  await sql(`DELETE FROM "LoginThrottle" WHERE key = 'account:spoof-e2e@a.demo'`);
});
