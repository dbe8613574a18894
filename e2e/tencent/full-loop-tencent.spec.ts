import { expect, test } from "@playwright/test";
import { ACCOUNTS, login, sql } from "../helpers";
import { COMPANY_A, createLoopScript, LOOP_CLINIC, withinCallingHours, withoutRedials } from "../full-loop-fixtures";

/**
 * The full loop through the real vendor adapters (CARRIER=tencent-ccc SMS=tencent), against the fake Tencent Cloud
 * API: the official SDKs sign every request (verified by the fake), CCC pushes call records and recordings back with
 * basicAuth — duplicated and out of order — and SMS receipts come back to /api/sms/receipts.
 */
const SCRIPT = `E2E腾讯云-${Date.now().toString(36)}`;
const VENDOR_TEMPLATE_ID = "2100001";

test("batch call through Tencent CCC → calls → 话单记录 with recording → hang-up SMS with receipts", async ({ page }) => {
  test.setTimeout(240_000);
  const [clinic] = await sql<{ id: string }>(
    `select c.id from "Clinic" c join "Company" co on co.id = c."companyId" where co.name = $1 and c."shortName" = $2`,
    [COMPANY_A, LOOP_CLINIC],
  );
  const [template] = await sql<{ id: string; name: string; vendorTemplateId: string | null; content: string }>(
    `select t.id, t.name, t."vendorTemplateId", t.content from "SmsTemplate" t join "Company" co on co.id = t."companyId"
     where co.name = $1 and t.status = 'approved' order by t.name limit 1`,
    [COMPANY_A],
  );
  const restores = [await withinCallingHours(clinic!.id), await withoutRedials()];
  let scriptId: string | undefined;
  try {
    await login(page, ACCOUNTS.companyAdmin);

    // 短信管理: link the approved template to its Tencent template id — the console holds the same wording with its
    // placeholders numbered in order (docs/carrier.md), which DescribeSmsTemplateList is asked for when linking.
    let n = 0;
    const vendorContent = template!.content.replace(/\{[^{}\s]{1,20}\}/g, () => `{${++n}}`);
    const fakeUrl = `http://127.0.0.1:${Number(process.env.FAKE_TENCENT_PORT ?? 41500 + (Number(process.env.E2E_PORT ?? 3100) - 3100))}`;
    expect((await fetch(`${fakeUrl}/__fake/sms-template`, { method: "POST", body: JSON.stringify({ id: VENDOR_TEMPLATE_ID, content: vendorContent }) })).status).toBe(200);
    await page.goto("/marketing/sms");
    const row = page.getByTestId("sms-template-row").filter({ hasText: template!.name });
    await row.getByRole("button", { name: `关联腾讯云模板ID：${template!.name}` }).click();
    await page.getByRole("textbox", { name: "腾讯云模板ID" }).fill(VENDOR_TEMPLATE_ID);
    await page.getByTestId("save-vendor-template").click();
    await expect(row.getByTestId("sms-vendor-template")).toContainText(VENDOR_TEMPLATE_ID);

    scriptId = await createLoopScript(page, SCRIPT, clinic!.id);
    await sql(`update "Script" set "hangupSmsEnabled" = true, "hangupSmsAnsweredTemplateId" = $2, "hangupSmsUnansweredTemplateId" = $2 where id = $1`, [
      scriptId,
      template!.id,
    ]);

    // 患者管理 → 批量处理 → 智能外呼 → the script → 开始呼叫
    await page.goto("/patients");
    await page.getByRole("combobox", { name: "门诊" }).click();
    await page.getByRole("option", { name: new RegExp(LOOP_CLINIC) }).click();
    await expect(page).toHaveURL(/clinicId=/);
    await expect(page.getByTestId("patient-row")).toHaveCount(20);
    await page.getByRole("checkbox", { name: "选择本页" }).click();
    await page.getByTestId("batch-menu").click();
    await page.getByRole("menuitem", { name: "智能外呼" }).click();
    await expect(page).toHaveURL(/\/patients\/batch-call/);
    await page.getByTestId("script-option").filter({ hasText: SCRIPT }).getByRole("radio").check();
    await expect(page.getByTestId("call-plan")).toBeVisible();
    await page.getByTestId("start-batch").click();
    await page.getByTestId("confirm-start").click();
    await expect(page.getByTestId("progress-state")).toHaveText("本批次呼叫已全部完成", { timeout: 150_000 });

    // Every call went through CCC (SessionIds), got exactly one result despite duplicated pushes.
    const calls = await sql<{ id: string; outcome: string; carrierCallId: string; carrierOutcome: string | null }>(
      `select id, outcome, "carrierCallId", "carrierOutcome" from "Call" where "scriptId" = $1`,
      [scriptId],
    );
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.outcome !== null && /^[0-9a-f-]{36}$/.test(c.carrierCallId))).toBe(true);
    const results = await sql<{ n: string }>(
      `select count(*) as n from "CarrierEvent" e join "Call" c on c."carrierCallId" = e."carrierCallId" where c."scriptId" = $1 and e.type = 'attempt.completed'`,
      [scriptId],
    );
    expect(Number(results[0]!.n)).toBe(calls.length);
    const answered = calls.filter((c) => c.outcome === "answered");
    expect(answered.length).toBeGreaterThan(0);

    // 话单记录: an answered call's recording was copied into our storage and plays.
    await page.goto(`/call-records?scriptId=${scriptId}&outcome=answered`);
    await expect(page.getByTestId("call-record-total")).toContainText(`共 ${answered.length} 条`);
    const record = page.getByTestId("call-record-row").first();
    await expect(record.getByTestId("download-recording")).toBeVisible({ timeout: 30_000 });
    await record.getByRole("button", { name: "详情" }).click();
    const detail = page.getByTestId("call-detail");
    await expect(detail).toContainText("好的，我知道了");
    const played = await detail.getByTestId("call-audio").evaluate(async (el: HTMLAudioElement) => {
      el.muted = true;
      await el.play();
      // A loaded machine may take a moment to start decoding: wait for progress (at most 5 s).
      for (let i = 0; i < 50 && el.currentTime <= 0.2 && !el.error; i++) await new Promise((r) => setTimeout(r, 100));
      return { time: el.currentTime, error: el.error?.code ?? null };
    });
    expect(played).toMatchObject({ error: null });
    expect(played.time).toBeGreaterThan(0.2);
    await page.keyboard.press("Escape");
    const recordings = await sql<{ n: string }>(`select count(*) as n from "Recording" r join "Call" c on c.id = r."callId" where c."scriptId" = $1`, [scriptId]);
    expect(Number(recordings[0]!.n)).toBe(answered.length);

    // Hang-up SMS: sent as the linked Tencent template, never to 空号 / 停机, each confirmed by a (duplicated) receipt.
    const smsTargets = calls.filter((c) => !["emptyNumber", "suspended"].includes(c.outcome));
    await expect
      .poll(
        async () => {
          const rows = await sql<{ n: string }>(
            `select count(*) as n from "SmsMessage" m join "Call" c on c.id = m."callId"
             where c."scriptId" = $1 and m.status = 'sent' and m."providerMessageId" is not null and m."deliveredAt" is not null`,
            [scriptId],
          );
          return Number(rows[0]!.n);
        },
        { timeout: 30_000 },
      )
      .toBe(smsTargets.length);
    const toEmpty = await sql<{ n: string }>(
      `select count(*) as n from "SmsMessage" m join "Call" c on c.id = m."callId" where c."scriptId" = $1 and c.outcome in ('emptyNumber', 'suspended')`,
      [scriptId],
    );
    expect(Number(toEmpty[0]!.n)).toBe(0);
  } finally {
    if (scriptId) await sql(`delete from "Script" where id = $1`, [scriptId]);
    await sql(`update "SmsTemplate" set "vendorTemplateId" = $2 where id = $1`, [template!.id, template!.vendorTemplateId]);
    for (const restore of restores.reverse()) await restore();
  }
});
