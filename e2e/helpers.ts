import { expect, type Page } from "@playwright/test";
import pg from "pg";

export const PASSWORD = "Demo@2026";

/** Demo accounts seeded by prisma/seed (company a) and the second company b used for tenancy. */
export const ACCOUNTS = {
  platformAdmin: "13800000000",
  companyAdmin: "admin@a.demo",
  clinicAdmin: "clinic@a.demo",
  frontDesk: "frontdesk@a.demo",
  consultant: "consultant1@a.demo",
  companyBAdmin: "admin@b.demo",
} as const;

export async function login(page: Page, account: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("手机号或邮箱").fill(account);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Calls a tRPC query the way the browser would, with the page's session cookie. */
export async function trpcQuery(page: Page, path: string, input?: unknown) {
  const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await page.request.get(`/api/trpc/${path}${qs}`);
  return { status: res.status(), body: await res.json() };
}
