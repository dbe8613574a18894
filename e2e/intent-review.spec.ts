import { expect, test } from "@playwright/test";
import { ruleBasedClassifier } from "../server/adapters/intent/rule-based-classifier";
import { createPrismaClient } from "../server/db/create-client";
import { addOptOutFromCall } from "../server/services/calls/add-opt-out-from-call";
import { classifyCallIntent } from "../server/services/calls/classify-call-intent";
import { ACCOUNTS, login, sql } from "./helpers";
import { removeRecordsFixture, seedRecordsFixture } from "./call-records-fixtures";

const SCRIPT = "E2E复核-种植邀约";
const COMPLAINT = "上次在你们那补的牙又掉了，我要投诉，让你们负责人给我打电话";
const OPT_OUT = "以后不要再给我打电话了";
let fixture: Awaited<ReturnType<typeof seedRecordsFixture>>;
let complaintId = "";
let optOutId = "";
let correctedId = "";

/** An answered call of the fixture says this, analysed by the product's rules as the call-ended pipeline would. */
async function says(callId: string, patient: string) {
  await sql(`update "Call" set transcript = $2::jsonb where id = $1`, [
    callId,
    JSON.stringify([
      { speaker: "ai", text: "您好，我们本月有种植牙专家面诊活动，您有兴趣了解一下吗？" },
      { speaker: "patient", text: patient },
    ]),
  ]);
  const db = createPrismaClient(process.env.E2E_DATABASE_URL!);
  try {
    const r = await classifyCallIntent(db, callId, { force: true, classifier: ruleBasedClassifier });
    if (r?.optOut) await addOptOutFromCall(db, callId);
  } finally {
    await db.$disconnect();
  }
}

test.beforeAll(async () => {
  fixture = await seedRecordsFixture(SCRIPT, 12);
  [complaintId, optOutId, correctedId] = fixture.answeredCallIds as [string, string, string];
  await says(complaintId, COMPLAINT);
  await says(optOutId, OPT_OUT);
  await says(correctedId, "嗯……我看看吧");
});
test.afterAll(async () => {
  if (!fixture) return;
  const mobiles = await sql<{ mobile: string }>(`select mobile from "Call" where id = $1`, [optOutId]);
  await sql(`delete from "DncEntry" where kind = 'optOut' and mobile = $1`, [mobiles[0]?.mobile ?? ""]);
  await removeRecordsFixture(fixture.scriptId);
});

const openDetail = async (page: import("@playwright/test").Page, callId: string) => {
  const patient = (await sql<{ name: string }>(`select p.name from "Call" c join "Patient" p on p.id = c."patientId" where c.id = $1`, [callId]))[0]!.name;
  const row = page.getByTestId("call-record-row").filter({ hasText: patient }).first();
  await row.getByRole("button", { name: "详情" }).click();
  return page.getByTestId("call-detail");
};

test("a complaint shows as 需回电 (高优先) with its sentence highlighted, and its patient is not on the DNC list", async ({ page }) => {
  await login(page, ACCOUNTS.companyAdmin);
  await page.goto(`/call-records?scriptId=${fixture.scriptId}&callback=1`);
  await expect(page.getByTestId("complaint-callback-badge").first()).toBeVisible();
  const dialog = await openDetail(page, complaintId);
  await expect(dialog.getByTestId("complaint-badge")).toHaveText("不满意 · 需回电（高优先）");
  await expect(dialog.getByTestId("transcript-trigger")).toHaveText(new RegExp(COMPLAINT));
  await expect(dialog.getByTestId("analysis-callback")).toHaveText("是");
  await expect(dialog.getByTestId("opt-out-entry")).toHaveCount(0);
  const mobile = (await sql<{ mobile: string }>(`select mobile from "Call" where id = $1`, [complaintId]))[0]!.mobile;
  expect((await sql<{ n: string }>(`select count(*) as n from "DncEntry" where mobile = $1`, [mobile]))[0]!.n).toBe("0");
});

test("an opt-out shows the sentence that triggered it; a manager undoes it in one click", async ({ page }) => {
  await login(page, ACCOUNTS.companyAdmin);
  await page.goto(`/call-records?scriptId=${fixture.scriptId}`);
  const dialog = await openDetail(page, optOutId);
  await expect(dialog.getByTestId("opt-out-entry")).toContainText(OPT_OUT);
  await expect(dialog.getByTestId("transcript-trigger")).toHaveText(new RegExp(OPT_OUT));
  await dialog.getByTestId("undo-opt-out").click();
  await expect(page.getByText("已撤销禁呼，该客户可再次呼叫")).toBeVisible();
  await expect(dialog.getByTestId("opt-out-entry")).toHaveCount(0);
  const audit = await sql<{ n: string }>(`select count(*) as n from "AuditLog" where action = 'dnc.optOut.remove' and "targetId" = $1`, [optOutId]);
  expect(audit[0]!.n).toBe("1");
});

test("a manager corrects a call's label in the detail: shown as 人工修正 and counted in the 客户意向 options", async ({ page }) => {
  await login(page, ACCOUNTS.companyAdmin);
  await page.goto(`/call-records?scriptId=${fixture.scriptId}`);
  const before = Number((await sql<{ n: string }>(`select count(*) as n from "Call" where "scriptId" = $1 and intent = 'interested'`, [fixture.scriptId]))[0]!.n);
  const dialog = await openDetail(page, correctedId);
  await dialog.getByTestId("correct-intent-select").click();
  await page.getByRole("option", { name: "有意向", exact: true }).click();
  await dialog.getByTestId("save-correction").click();
  await expect(dialog.getByTestId("manual-correction")).toBeVisible();
  await page.keyboard.press("Escape");
  // The 客户意向 filter counts the corrected label.
  await page.getByRole("combobox", { name: "客户意向" }).click();
  await expect(page.getByRole("option", { name: `有意向 (${before + 1})`, exact: true })).toBeVisible();
  const audit = await sql<{ n: string }>(`select count(*) as n from "AuditLog" where action = 'call.intent.correct' and "targetId" = $1`, [correctedId]);
  expect(audit[0]!.n).toBe("1");
});
