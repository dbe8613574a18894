import { expect, test } from "@playwright/test";
import { ACCOUNTS, login, sql, trpcQuery } from "./helpers";

test("front-desk staff neither see 智能外呼 pages nor can call their procedures", async ({ page }) => {
  await login(page, ACCOUNTS.frontDesk);
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav).toContainText("患者管理");
  await expect(nav).not.toContainText("智能外呼");
  await expect(nav).not.toContainText("话单记录");

  const res = await page.goto("/management/outbound");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();

  const overview = await trpcQuery(page, "outbound.overview");
  expect(overview.status).toBe(403);
  expect(overview.body.error.json.data.code).toBe("FORBIDDEN");

  const roles = await trpcQuery(page, "roles.list");
  expect(roles.status).toBe(403);
});

test("anonymous callers get 401 from procedures", async ({ request }) => {
  const res = await request.get("/api/trpc/patients.list?input=" + encodeURIComponent(JSON.stringify({ json: {} })));
  expect(res.status()).toBe(401);
});

test("a company-B user reading a company-A patient by id is refused", async ({ page }) => {
  const [patientA] = await sql<{ id: string }>(
    `select p.id from "Patient" p join "Company" c on c.id = p."companyId" where c.name = '微笑口腔连锁' limit 1`,
  );
  await login(page, ACCOUNTS.companyBAdmin);
  const res = await trpcQuery(page, "patients.byId", { id: patientA!.id });
  expect(res.status).toBe(404);
  expect(res.body.error.json.data.code).toBe("NOT_FOUND");
  expect(JSON.stringify(res.body)).not.toContain("medicalRecordNo");
});
