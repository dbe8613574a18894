import { spawnSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { recountTotals } from "./call-records-fixtures";
import { ACCOUNTS, login, sql, trpcQuery } from "./helpers";

/**
 * 自动旅程 end to end: build 「预约明天到店的客户 → 每天 10:00 → 智能外呼 (预约到店提醒) → branches by intent」 on the
 * canvas, publish, run the scheduler at a controlled instant (scripts/journey-tick.ts --at, the same tick the
 * journey-run cron does), see the roster with its failure reasons, let the calls end (their results written as the dial
 * engine writes them) and watch the node figures and the patients routed down their branches.
 */
const SUFFIX = Date.now().toString(36).slice(-5);
const TAG = `旅程E2E${SUFFIX}`;
const SEGMENT = `预约明天到店的客户${SUFFIX}`;
const JOURNEY = `预约到店提醒旅程${SUFFIX}`;
// The 预约到店提醒 script, named apart from any other spec's.
const SCRIPT = `预约到店提醒${SUFFIX}`;
const P = { confirms: `周确认${SUFFIX}`, reschedules: `吴改约${SUFFIX}`, blocked: `郑拦截${SUFFIX}`, noMobile: `王无号${SUFFIX}`, unregistered: `冯未建档${SUFFIX}` };

let companyId = "";
let clinicId = "";
let scriptId = "";
const journeyIds: string[] = [];

/** Runs the journey scheduler once at `at` against the e2e database, as the journey-run cron would. */
function tick(at: Date) {
  const res = spawnSync("npx", ["tsx", "scripts/journey-tick.ts", "--at", at.toISOString()], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
    encoding: "utf8",
  });
  expect(res.status, res.stderr).toBe(0);
  return JSON.parse(res.stdout.trim().split("\n").at(-1)!) as { runs: { journeyId: string; status: string; entered?: number; dispatched?: number; failed?: number }[] };
}

test.beforeAll(async () => {
  const [company] = await sql<{ id: string }>(`SELECT id FROM "Company" WHERE name = '微笑口腔连锁'`);
  companyId = company!.id;
  const [clinic] = await sql<{ id: string }>(`SELECT id FROM "Clinic" WHERE "companyId" = $1 ORDER BY "createdAt" LIMIT 1`, [companyId]);
  clinicId = clinic!.id;
  // An enabled 固定话术 「预约到店提醒」 (自动旅程专用) for the first clinic.
  scriptId = `e2e_script_${SUFFIX}`;
  await sql(
    `INSERT INTO "Script" (id, "companyId", name, kind, category, "templateId", params, status, "journeyOnly", "updatedAt")
     SELECT $1, $2, $3, 'fixed', 'service', t.id, jsonb_build_object('clinic', $4::text), 'enabled', true, now()
     FROM "ScriptTemplate" t WHERE t.key = 'fixed-appointment-reminder' AND t."companyId" IS NULL`,
    [scriptId, companyId, SCRIPT, clinicId],
  );
  await sql(`INSERT INTO "ScriptClinic" ("scriptId", "clinicId") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [scriptId, clinicId]);

  // Five patients, each with appointments at 10:30 on both of the next two days (Shanghai), so whichever 10:00 comes
  // next, "tomorrow" from it has exactly one of them.
  const patients: [string, string | null, boolean][] = [
    [P.confirms, "13911110001", true],
    [P.reschedules, "13911110002", true],
    [P.blocked, "13911110003", true],
    [P.noMobile, null, true],
    [P.unregistered, "13911110005", false],
  ];
  for (const [name, mobile, registered] of patients) {
    const id = `e2e_${SUFFIX}_${mobile ?? "none"}`;
    await sql(
      `INSERT INTO "Patient" (id, "companyId", "clinicId", name, mobile, "hasOwnMobile", registered, tags, "updatedAt")
       VALUES ($1, $2, $3, $4, $5, true, $6, ARRAY[$7::text], now())`,
      [id, companyId, clinicId, name, mobile, registered, TAG],
    );
    for (const days of [1, 2]) {
      await sql(
        `INSERT INTO "Appointment" (id, "companyId", "clinicId", "patientId", "startsAt", status, item)
         VALUES ($1, $2, $3, $4, date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + ($5 || ' days')::interval + interval '10 hours 30 minutes' - interval '8 hours', 'scheduled', '洁牙')`,
        [`${id}_a${days}`, companyId, clinicId, id, String(days)],
      );
    }
  }
});

test.afterAll(async () => {
  if (journeyIds.length) await sql(`DELETE FROM "Journey" WHERE id = ANY($1::text[])`, [journeyIds]);
  await sql(`DELETE FROM "Call" WHERE "patientId" IN (SELECT id FROM "Patient" WHERE $1 = ANY(tags))`, [TAG]);
  await sql(`DELETE FROM "CallTask" WHERE "patientId" IN (SELECT id FROM "Patient" WHERE $1 = ANY(tags))`, [TAG]);
  await sql(`DELETE FROM "Patient" WHERE $1 = ANY(tags)`, [TAG]);
  await sql(`DELETE FROM "Segment" WHERE name = $1`, [SEGMENT]);
  await sql(`DELETE FROM "Script" WHERE id = $1`, [scriptId]);
});

async function openNode(page: Page, title: string, tab: "roster" | "metrics") {
  await page.getByTestId(`node-${title}`).click();
  await page.getByTestId(`tab-${tab}`).click();
}

test("a clinic admin builds, publishes and watches an appointment-reminder journey", async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, ACCOUNTS.companyAdmin);
  await page.goto("/journeys");
  await page.getByTestId("create-journey").click();
  await page.getByLabel("旅程名称").fill(JOURNEY);
  await page.getByRole("button", { name: "创建并编辑" }).click();
  await expect(page).toHaveURL(/\/journeys\/[^/]+$/);
  const journeyId = page.url().split("/").at(-1)!;
  journeyIds.push(journeyId);

  // Entry: a new segment 「预约明天到店的客户」 (明天有预约 + this test's tag), with its live count; every day at 10:00.
  await page.getByTestId("node-开始").click();
  await page.getByTestId("entry-new-segment").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("人群名称").fill(SEGMENT);
  await dialog.getByRole("button", { name: "添加条件" }).click();
  await page.getByRole("menuitem", { name: "患者标签" }).click();
  await dialog.getByTestId("condition-1").getByRole("button", { name: "选择标签" }).click();
  await page.getByRole("checkbox", { name: TAG }).click();
  await page.keyboard.press("Escape");
  await expect(dialog.getByTestId("segment-count")).toHaveText("5");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("entry-segment")).toContainText(SEGMENT);
  await page.getByTestId("entry-time").fill("10:00");

  // 【全渠道触达】 → 智能外呼组件 after the entry, script 预约到店提醒, 客户意向多分支 A(确认到店) / B(需要改约).
  await page.getByTestId("add-outbound").click();
  await page.getByTestId("outbound-script").click();
  await page.getByRole("option", { name: `${SCRIPT} · 固定话术` }).click();
  await page.getByTestId("intent-branches-switch").click();
  await expect(page.getByTestId("branch-empty")).toContainText("默认为空");
  await expect(page.getByTestId("branch-other")).toContainText("其他");
  await page.getByTestId("add-branch").click();
  await page.getByTestId("branch-A-intents").click();
  await page.getByRole("checkbox", { name: "确认到店" }).click();
  await page.keyboard.press("Escape");
  await page.getByTestId("add-branch").click();
  await page.getByTestId("branch-B-intents").click();
  // Each intent once: 确认到店 is taken by A.
  await expect(page.getByRole("checkbox", { name: "确认到店" })).toHaveCount(0);
  await page.getByRole("checkbox", { name: "需要改约" }).click();
  await page.keyboard.press("Escape");

  // One outgoing edge per branch, labelled 客户意向 with its intents.
  const labels = page.getByTestId("edge-label");
  await expect(labels).toHaveCount(4);
  await expect(labels.filter({ hasText: "A(确认到店)" })).toContainText("客户意向");
  await expect(labels.filter({ hasText: "B(需要改约)" })).toBeVisible();
  await expect(labels.filter({ hasText: "默认为空" })).toBeVisible();
  await expect(labels.filter({ hasText: "其他" })).toBeVisible();

  await page.getByTestId("save-journey").click();
  await expect(page.getByText("旅程已保存")).toBeVisible();
  await page.getByTestId("journey-publish").click();
  await expect(page.getByTestId("journey-status")).toHaveText("已发布");

  // The scheduler, at one minute past the next 10:00 (clinic time).
  const { body } = await trpcQuery(page, "journeys.byId", { id: journeyId });
  const slot = new Date(body.result.data.json.nextRunAt);
  const first = tick(new Date(slot.getTime() + 60_000)).runs.find((r) => r.journeyId === journeyId);
  expect(first).toMatchObject({ status: "ran", entered: 5, dispatched: 3, failed: 2 });

  // 旅程名单: 下发成功 for three, 下发失败 with the reason for the other two.
  await page.reload();
  await openNode(page, "智能外呼 1", "roster");
  const roster = page.getByTestId("node-roster");
  await expect(roster.getByTestId("roster-count-dispatched")).toContainText("3");
  await expect(roster.getByTestId("roster-count-dispatchFailed")).toContainText("2");
  await expect(roster.getByTestId("roster-row").filter({ hasText: P.noMobile })).toContainText("失败原因：客户暂无手机号");
  await expect(roster.getByTestId("roster-row").filter({ hasText: P.unregistered })).toContainText("失败原因：客户不是建档患者");
  await expect(roster.getByTestId("roster-row").filter({ hasText: P.confirms })).toContainText("下发成功");

  // The calls end as the dial engine records them: two answered (确认到店, 需要改约), one intercepted without an intent.
  const endCall = async (name: string, intent: string, rounds: number, seconds: number) => {
    await sql(
      `UPDATE "CallTask" t SET status = 'ended', intent = $2, "lastOutcome" = 'answered', attempt = 1, "finishedAt" = now()
       FROM "Patient" p WHERE p.id = t."patientId" AND p.name = $1 AND t."scriptId" = $3`,
      [name, intent, scriptId],
    );
    await sql(
      `INSERT INTO "Call" (id, "companyId", "clinicId", "scriptId", "taskId", "patientId", mobile, attempt, outcome, "answeredAt", "endedAt", "durationSec", rounds, intent)
       SELECT 'e2e_call_' || t.id, t."companyId", t."clinicId", t."scriptId", t.id, t."patientId", t.mobile, 1, 'answered', now(), now(), $2, $3, $4
       FROM "CallTask" t JOIN "Patient" p ON p.id = t."patientId" WHERE p.name = $1 AND t."scriptId" = $5`,
      [name, seconds, rounds, intent, scriptId],
    );
  };
  // 有效对话 = 2 rounds or more (以上 includes 2): the 2-round call counts, the 1-round one does not.
  await endCall(P.confirms, "confirmed", 2, 40);
  await endCall(P.reschedules, "reschedule", 1, 20);
  await sql(
    `UPDATE "CallTask" t SET status = 'intercepted', reason = 'carrierServiceDailyCalls', "finishedAt" = now()
     FROM "Patient" p WHERE p.id = t."patientId" AND p.name = $1 AND t."scriptId" = $2`,
    [P.blocked, scriptId],
  );
  await recountTotals(companyId); // the calls above were written with SQL, not through the dial engine
  tick(new Date(slot.getTime() + 30 * 60_000));

  // Node figures.
  await page.reload();
  await openNode(page, "智能外呼 1", "metrics");
  const metric = (key: string) => page.getByTestId(key).getByTestId("metric-value");
  await expect(metric("m_dialed")).toHaveText("2");
  await expect(metric("m_answeredCalls")).toHaveText("2");
  await expect(metric("m_intercepted")).toHaveText("1");
  await expect(metric("m_answerRate")).toHaveText("100%");
  await expect(metric("m_effectiveCalls")).toHaveText("1");
  await expect(metric("m_avgDuration")).toHaveText("30");
  await expect(metric("m_coverage")).toHaveText("5");
  await expect(metric("m_coverageOk")).toHaveText("3");
  await expect(metric("m_coverageFailed")).toHaveText("2");
  await page.getByTestId("tab-roster").click();
  await expect(page.getByTestId("roster-row").filter({ hasText: P.confirms }).getByTestId("roster-branch")).toHaveText("进入分支：A(确认到店)");

  // Each patient went down the branch of their intent: A → 结束 1, B → 结束 2, 默认为空 → 结束 3.
  for (const [end, name, others] of [
    ["结束 1", P.confirms, [P.reschedules, P.blocked]],
    ["结束 2", P.reschedules, [P.confirms, P.blocked]],
    ["结束 3", P.blocked, [P.confirms, P.reschedules]],
  ] as const) {
    await page.getByTestId(`node-${end}`).click();
    const rows = page.getByTestId("node-roster").getByTestId("roster-row");
    await expect(rows.filter({ hasText: name })).toHaveCount(1);
    for (const other of others) await expect(rows.filter({ hasText: other })).toHaveCount(0);
  }
  await expect(page.getByTestId("node-结束 4").getByTestId("node-counts")).toHaveCount(0);

  // The MA dashboard counts the journey's calls.
  await page.goto("/journeys");
  await expect(page.getByTestId(`journey-row-${JOURNEY}`)).toContainText("已发布");
  const dialed = Number(await page.getByTestId("dash_dialed").locator("div.text-2xl").textContent());
  expect(dialed).toBeGreaterThanOrEqual(2);

  // The same instant never runs twice.
  expect(tick(new Date(slot.getTime() + 2 * 60_000)).runs.filter((r) => r.journeyId === journeyId)).toEqual([]);
});

test("the 智能外呼组件 is locked where the clinic has not opened 智能外呼, and publishing says what is missing", async ({ page }) => {
  await login(page, ACCOUNTS.companyBAdmin);
  await page.goto("/journeys");
  await page.getByTestId("create-journey").click();
  await page.getByLabel("旅程名称").fill(`未开通${SUFFIX}`);
  await page.getByRole("button", { name: "创建并编辑" }).click();
  await expect(page).toHaveURL(/\/journeys\/[^/]+$/);
  journeyIds.push(page.url().split("/").at(-1)!);

  await expect(page.getByTestId("outbound-unavailable")).toContainText("尚未开通智能外呼");
  const add = page.getByTestId("add-outbound");
  await expect(add).toHaveAttribute("aria-disabled", "true");
  await add.click({ force: true });
  await expect(page.getByTestId("node-智能外呼 1")).toHaveCount(0);

  await page.getByTestId("journey-publish").click();
  const problems = page.getByTestId("publish-problems");
  await expect(problems).toContainText("开始节点未选择人群");
  await expect(problems).toContainText("请至少添加一个触达组件（如智能外呼组件）");
  await page.getByRole("button", { name: "知道了" }).click();
  await expect(page.getByTestId("journey-status")).toHaveText("草稿");
});
