import { expect, test } from "@playwright/test";
import { ACCOUNTS, login, sql } from "../helpers";
import { COMPANY_A, createLoopScript, LOOP_CLINIC, withinCallingHours, withoutRedials } from "../full-loop-fixtures";

/**
 * An account-level refusal on the Tencent path (CARRIER=tencent-ccc against the fake): CreateAICall answers the documented
 * `LimitExceeded.BasePackageExpired` (套餐包耗尽, https://cloud.tencent.com/document/api/679/115681), the company's calling is
 * held, and 外呼管理 and the script's detail show the red banner naming the cause and what to do, with 重试.
 */
const SCRIPT = `E2E腾讯云暂停-${Date.now().toString(36)}`;
const PORT = Number(process.env.E2E_PORT ?? 3100);
const FAKE = `http://127.0.0.1:${Number(process.env.FAKE_TENCENT_PORT ?? 41500 + (PORT - 3100))}`;

test("a package that ran out holds the company's calling and shows the banner with the cause and 重试", async ({ page }) => {
  test.setTimeout(180_000);
  const [clinic] = await sql<{ id: string }>(
    `select c.id from "Clinic" c join "Company" co on co.id = c."companyId" where co.name = $1 and c."shortName" = $2`,
    [COMPANY_A, LOOP_CLINIC],
  );
  const restores = [await withinCallingHours(clinic!.id), await withoutRedials()];
  let scriptId: string | undefined;
  try {
    const armed = await fetch(`${FAKE}/__fake/fail-next`, {
      method: "POST",
      body: JSON.stringify({ action: "CreateAICall", codes: Array(30).fill("LimitExceeded.BasePackageExpired") }),
    });
    expect(armed.status).toBe(200);
    await login(page, ACCOUNTS.companyAdmin);
    scriptId = await createLoopScript(page, SCRIPT, clinic!.id);

    await page.goto("/patients");
    await page.getByRole("combobox", { name: "门诊" }).click();
    await page.getByRole("option", { name: new RegExp(LOOP_CLINIC) }).click();
    await expect(page).toHaveURL(/clinicId=/);
    await page.getByRole("checkbox", { name: "选择本页" }).click();
    await page.getByTestId("batch-menu").click();
    await page.getByRole("menuitem", { name: "智能外呼" }).click();
    await page.getByTestId("script-option").filter({ hasText: SCRIPT }).getByRole("radio").check();
    await page.getByTestId("start-batch").click();
    await page.getByTestId("confirm-start").click();

    // Within a dialer tick the refusal holds the company: the banner names the cause and the console step.
    await expect
      .poll(async () => (await sql<{ code: string | null }>(`select "callingHoldCode" as code from "Company" where name = $1`, [COMPANY_A]))[0]?.code, { timeout: 60_000 })
      .toBe("vendor:ccc:LimitExceeded.BasePackageExpired");
    await page.goto("/management/outbound");
    const banner = page.getByTestId("calling-hold-banner");
    await expect(banner).toContainText("外呼已暂停：云联络中心套餐包已耗尽或过期（LimitExceeded.BasePackageExpired）");
    await expect(banner.getByTestId("calling-hold-fix")).toContainText("云联络中心控制台");
    // Nothing was dialed and no task was failed by the refusal: the refused ones wait with the hold's code (tasks that
    // failed at creation — no own mobile, not registered … — are the seed's and unrelated).
    const refused = await sql<{ status: string; n: string }>(
      `select status::text as status, count(*) as n from "CallTask" where "scriptId" = $1 and reason like 'vendor:%' group by 1`,
      [scriptId],
    );
    expect(refused.map((r) => r.status)).toEqual(["pending"]);
    expect(await sql(`select 1 from "Call" where "scriptId" = $1`, [scriptId])).toEqual([]);

    await page.goto(`/management/outbound/scripts/${scriptId}/detail`);
    await expect(page.getByTestId("calling-hold-banner")).toBeVisible();
    await page.getByTestId("calling-hold-banner").getByRole("button", { name: "重试" }).click();
    await expect(page.getByText("已安排试拨")).toBeVisible();
  } finally {
    await fetch(`${FAKE}/__fake/reset-failures`, { method: "POST" }).catch(() => undefined);
    await sql(`update "Company" set "callingHeldAt" = null, "callingHoldCode" = null, "callingHoldProbeAt" = null, "vendorUnknownStreak" = 0 where name = $1`, [COMPANY_A]);
    if (scriptId) await sql(`delete from "Script" where id = $1`, [scriptId]);
    for (const restore of restores.reverse()) await restore();
  }
});
