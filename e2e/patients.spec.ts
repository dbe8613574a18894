import { expect, test } from "@playwright/test";
import { ACCOUNTS, login, sql } from "./helpers";

test("patient list searches, filters, paginates and multi-selects into 批量处理", async ({ page }) => {
  await login(page, ACCOUNTS.companyAdmin);
  await page.goto("/patients");
  await expect(page.getByTestId("patient-row")).toHaveCount(20);
  const total = await page.getByTestId("patient-total").textContent();
  expect(Number(total?.match(/\d+/)?.[0])).toBeGreaterThanOrEqual(600);

  await page.getByRole("button", { name: "下一页" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText("第 2 /")).toBeVisible();

  const [target] = await sql<{ name: string; medicalRecordNo: string }>(
    `select p.name, p."medicalRecordNo" from "Patient" p join "Company" c on c.id = p."companyId"
     where c.name = '微笑口腔连锁' and p."medicalRecordNo" is not null order by p."createdAt" desc limit 1`,
  );
  await page.getByPlaceholder("姓名 / 手机号 / 病历号").fill(target!.medicalRecordNo);
  await page.getByPlaceholder("姓名 / 手机号 / 病历号").press("Enter");
  await expect(page.getByTestId("patient-row")).toHaveCount(1);
  await expect(page.getByTestId("patient-row")).toContainText(target!.name);

  await page.getByRole("button", { name: "重置" }).click();
  await page.getByRole("combobox", { name: "门诊" }).click();
  const option = page.getByRole("option").nth(1);
  const clinicName = (await option.textContent())!;
  await option.click();
  await expect(page).toHaveURL(/clinicId=/);
  const [{ count }] = (await sql<{ count: string }>(`select count(*) from "Patient" p join "Clinic" c on c.id = p."clinicId" where c.name = $1`, [clinicName])) as [{ count: string }];
  await expect(page.getByTestId("patient-total")).toContainText(`共 ${count} 条`);

  await expect(page.getByTestId("batch-menu")).toBeDisabled();
  await page.getByTestId("patient-row").nth(0).getByRole("checkbox").click();
  await page.getByTestId("patient-row").nth(1).getByRole("checkbox").click();
  await expect(page.getByText("已选 2 人")).toBeVisible();
  await page.getByTestId("batch-menu").click();
  await expect(page.getByRole("menuitem", { name: "智能外呼" })).toBeVisible();
});

test("clinic info editing updates 诊所简称 and 地址", async ({ page }) => {
  await login(page, ACCOUNTS.companyAdmin);
  await page.goto("/management/clinics");
  const row = page.getByTestId("clinic-row").first();
  await row.getByRole("button", { name: "编辑" }).click();
  const dialog = page.getByRole("dialog");
  const shortName = dialog.getByLabel("诊所简称");
  const original = await shortName.inputValue();
  const [before] = await sql<{ id: string; address: string | null }>(
    `select c.id, c.address from "Clinic" c join "Company" co on co.id = c."companyId" where co.name = '微笑口腔连锁' and c."shortName" = $1`,
    [original],
  );
  // Put the seeded name back: the Tencent full loop, run after this suite on the same database, finds the clinic by it.
  try {
    await shortName.fill("");
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(dialog.getByText("请输入诊所简称")).toBeVisible();
    await shortName.fill(`${original}E2E`);
    await dialog.getByLabel("地址").fill("上海市静安区南京西路1266号恒隆广场2座8楼");
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("门诊信息已更新")).toBeVisible();
    await expect(row).toContainText(`${original}E2E`);
    await expect(row).toContainText("恒隆广场2座8楼");
  } finally {
    await sql(`update "Clinic" set "shortName" = $2, address = $3 where id = $1`, [before!.id, original, before!.address]);
  }
});
