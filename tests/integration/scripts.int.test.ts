import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setStorageForTests } from "@/server/adapters/storage";
import { AI_TEMPLATES } from "@/server/domain/templates/catalog";
import { pauseScriptsForInsufficientBalance } from "@/server/services/scripts/pause-scripts-for-insufficient-balance";
import { listCallableScripts } from "@/server/services/scripts/list-callable-scripts";
import { getScriptDialogues } from "@/server/services/scripts/get-script-dialogues";
import { generateScriptPreview } from "@/server/services/scripts/generate-script-preview";
import { LlmOutputInvalid, type LlmPort } from "@/server/ports/llm";
import { MemoryStorage } from "../support/memory-storage";
import { callerFor, seeded, testDb } from "./fixtures";

type Seeded = Awaited<ReturnType<typeof seeded>>;
let s: Seeded;
let openedClinicIds: string[];
let approvedSms: string[];
let voiceId: string;

const storage = new MemoryStorage();
beforeAll(async () => {
  setStorageForTests(storage);
  s = await seeded();
  openedClinicIds = s.a.company.clinics.filter((c) => c.outboundOpenedAt).map((c) => c.id);
  approvedSms = (await testDb().smsTemplate.findMany({ where: { companyId: s.a.company.id, status: "approved" }, orderBy: { name: "asc" } })).map((t) => t.id);
  voiceId = (await testDb().voice.findUniqueOrThrow({ where: { key: "xiaoya" } })).id;
});
afterAll(() => setStorageForTests(undefined));

async function template(key: string) {
  return testDb().scriptTemplate.findFirstOrThrow({ where: { companyId: null, key } });
}

/** Generates the preview the way the editor does, and returns a complete create input. */
async function aiScriptInput(name: string, extra: Record<string, unknown> = {}) {
  const asAdmin = await callerFor(s.a.admin.id);
  const t = await template("appointment-reminder");
  // A fixture, not a person at the keyboard: its many generations are not what the per-user limit (USER_RATE_LIMITS) is about.
  await testDb().rateWindow.deleteMany({ where: { key: { startsWith: `user:${s.a.admin.id}:` } } });
  const preview = await asAdmin.scripts.generate({ templateId: t.id, params: { arriveEarly: "15分钟" }, clinicIds: openedClinicIds });
  return {
    kind: "ai" as const,
    name,
    templateId: t.id,
    params: { arriveEarly: "15分钟" },
    clinicIds: openedClinicIds,
    scenarios: preview.scenarios,
    voiceId,
    ...extra,
  };
}

describe("catalogue", () => {
  it("has the presets on a fresh database, and the company's own templates for it only", async () => {
    const asA = await callerFor(s.a.admin.id);
    const ai = await asA.scripts.templates({ kind: "ai" });
    expect(ai.filter((t) => !t.custom)).toHaveLength(AI_TEMPLATES.length);
    expect(ai.some((t) => t.custom && t.name.includes("会员日"))).toBe(true);
    const fixed = await asA.scripts.templates({ kind: "fixed" });
    expect(fixed.length).toBeGreaterThanOrEqual(5);
    expect(fixed.find((t) => t.custom)?.name).toContain("种植节");
    expect((await asA.scripts.voices()).map((v) => v.key)).toContain("xiaoya");

    // Company B is not approved for 智能外呼 at all; company A's custom template is invisible to others anyway.
    const custom = ai.find((t) => t.custom)!;
    const asB = await callerFor(s.b.admin.id);
    await expect(asB.scripts.templates({ kind: "ai" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await testDb().scriptTemplate.count({ where: { companyId: s.b.company.id } })).toBe(0);
    expect(custom.id).toBeTruthy();
  });
});

describe("AI scripts", () => {
  it("generates a preview from template, parameters and clinic, keeping call variables", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const t = await template("ortho-invite");
    const res = await asAdmin.scripts.generate({ templateId: t.id, params: { project: "隐形矫正", offer: "面诊免费" }, clinicIds: openedClinicIds });
    expect(res.generator).toBe("offline");
    expect(res.scenarios[0]).toMatchObject({ key: "main-1", name: "主流程-1" });
    expect(res.scenarios[0]!.rounds[0]!.ai).toContain("隐形矫正的专场咨询，面诊免费");
    expect(res.scenarios[0]!.rounds[0]!.ai).toContain("{clinicShortName}");
    expect(res.intents.map((i) => i.label)).toEqual(expect.arrayContaining(["有意向", "比较有意向", "没意向", "拒绝来电"]));
  });

  it("refuses what a model returns when it is not sound dialogue, with a clear message", async () => {
    const t = await template("appointment-reminder");
    const scope = { companyId: s.a.company.id, clinicIds: s.a.company.clinics.map((c) => c.id) };
    const input = { templateId: t.id, params: { arriveEarly: "10分钟" } };
    const badIntent: LlmPort = {
      name: "openai-compatible",
      generateScriptDialogues: async () => [{ key: "main-1", name: "主流程-1", rounds: [{ ai: "您好", replies: [{ text: "好", intent: "bogus", next: { kind: "end" } }] }] }],
    };
    await expect(generateScriptPreview(testDb(), scope, input, badIntent)).rejects.toMatchObject({
      code: "BAD_GATEWAY",
      message: expect.stringContaining("已保留上一次的预览"),
    });
    const unparsable: LlmPort = {
      name: "openai-compatible",
      generateScriptDialogues: async () => {
        throw new LlmOutputInvalid("not json");
      },
    };
    await expect(generateScriptPreview(testDb(), scope, input, unparsable)).rejects.toMatchObject({
      code: "BAD_GATEWAY",
      message: "AI 生成的话术格式不正确，请重新生成（已保留上一次的预览）",
    });
  });

  it("refuses to generate without the required parameters", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const t = await template("event-invite");
    await expect(asAdmin.scripts.generate({ templateId: t.id, params: { activityName: "会员日" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("请填写活动时间"),
    });
  });

  it("saves the edited preview with the script and reads it back", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const input = await aiScriptInput("集成-到店提醒");
    input.scenarios[0]!.rounds[0]!.ai = "您好{patientTitle}，这是改过的开场白，{clinicShortName}提醒您明天到店。";
    const created = await asAdmin.scripts.create(input);
    expect(created.status).toBe("enabled");
    const read = await asAdmin.scripts.byId({ id: created.id });
    expect(read.preview!.scenarios[0]!.rounds[0]!.ai).toBe("您好{patientTitle}，这是改过的开场白，{clinicShortName}提醒您明天到店。");
    expect(read.category).toBe("service");
    expect(read.clinics.map((c) => c.id).sort()).toEqual([...openedClinicIds].sort());
    const dialogues = await getScriptDialogues(testDb(), s.a.company.id, created.id);
    expect(dialogues.scenarios[0]!.rounds[0]!.ai).toContain("改过的开场白");
  });

  it("refuses saving without a generated preview, or with a preview pointing at unknown intents", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const input = await aiScriptInput("集成-无预览");
    await expect(asAdmin.scripts.create({ ...input, scenarios: null })).rejects.toMatchObject({ message: expect.stringContaining("生成AI话术") });
    input.scenarios[0]!.rounds[0]!.replies[0]!.intent = "madeUp";
    await expect(asAdmin.scripts.create(input)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("未知意向") });
  });
});

describe("话术名称", () => {
  it("is unique within the company, checked on the server (also after trimming)", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    await asAdmin.scripts.create(await aiScriptInput("集成-唯一名称"));
    await expect(asAdmin.scripts.create(await aiScriptInput("  集成-唯一名称 "))).rejects.toMatchObject({
      code: "CONFLICT",
      message: "话术名称「集成-唯一名称」已存在，请换一个名称",
    });
    expect(await testDb().script.count({ where: { companyId: s.a.company.id, name: "集成-唯一名称" } })).toBe(1);
  });

  it("holds even when two saves race", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const input = await aiScriptInput("集成-并发名称");
    const results = await Promise.allSettled([asAdmin.scripts.create(input), asAdmin.scripts.create(input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
  });

  it("is required and at most 30 characters", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    await expect(asAdmin.scripts.create(await aiScriptInput("一".repeat(31)))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(asAdmin.scripts.create(await aiScriptInput("  "))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(asAdmin.scripts.create(await aiScriptInput("一".repeat(30)))).resolves.toMatchObject({ name: "一".repeat(30) });
  });

  it("may be reused by another company", async () => {
    // Company B cannot use 智能外呼 yet, so its row is written directly: the constraint is per company.
    const t = await template("appointment-reminder");
    await testDb().script.create({
      data: { companyId: s.b.company.id, name: "集成-唯一名称", kind: "ai", category: "service", templateId: t.id },
    });
    expect(await testDb().script.count({ where: { name: "集成-唯一名称" } })).toBe(2);
  });
});

describe("references", () => {
  it("accepts only approved SMS templates of the company as 挂机短信, and both are required", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const pending = await testDb().smsTemplate.findFirstOrThrow({ where: { companyId: s.a.company.id, status: "pending" } });
    const [answered, unanswered] = approvedSms as [string, string];
    await expect(
      asAdmin.scripts.create(await aiScriptInput("集成-短信1", { hangupSmsEnabled: true, hangupSmsAnsweredTemplateId: answered })),
    ).rejects.toMatchObject({ message: "请选择患者未接听时发送的挂机短信模板" });
    await expect(
      asAdmin.scripts.create(
        await aiScriptInput("集成-短信2", { hangupSmsEnabled: true, hangupSmsAnsweredTemplateId: answered, hangupSmsUnansweredTemplateId: pending.id }),
      ),
    ).rejects.toMatchObject({ message: expect.stringContaining("尚未审核通过") });
    const ok = await asAdmin.scripts.create(
      await aiScriptInput("集成-短信3", { hangupSmsEnabled: true, hangupSmsAnsweredTemplateId: answered, hangupSmsUnansweredTemplateId: unanswered }),
    );
    expect(await testDb().script.findUniqueOrThrow({ where: { id: ok.id } })).toMatchObject({
      hangupSmsEnabled: true,
      hangupSmsAnsweredTemplateId: answered,
      hangupSmsUnansweredTemplateId: unanswered,
    });
    const options = await asAdmin.scripts.smsOptions();
    expect(options.map((o) => o.id).sort()).toEqual([...approvedSms].sort());
  });

  it("refuses a clinic that is not opened, and another company's clinic as if missing", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const closed = s.a.company.clinics.find((c) => !c.outboundOpenedAt)!;
    await expect(asAdmin.scripts.create(await aiScriptInput("集成-门店1", { clinicIds: [closed.id] }))).rejects.toMatchObject({
      message: expect.stringContaining("尚未开通智能外呼"),
    });
    await expect(asAdmin.scripts.create(await aiScriptInput("集成-门店2", { clinicIds: [s.b.company.clinics[0]!.id] }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("fixed scripts", () => {
  it("speak the 门店参数 clinic's current 诊所简称 and 地址, and play as mp3", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const t = await template("fixed-consult-invite");
    const clinic = s.a.company.clinics[0]!;
    const created = await asAdmin.scripts.create({
      kind: "fixed",
      name: "集成-固定邀约",
      templateId: t.id,
      params: { clinic: clinic.id, project: "隐形矫正" },
      clinicIds: [clinic.id],
      voiceId,
      journeyOnly: true,
    });
    const before = await asAdmin.scripts.audio({ scriptId: created.id });
    expect(before.text).toContain(`这里是${clinic.shortName}`);
    expect(before.text).toContain("隐形矫正");
    const hash = before.url.split("/").pop()!;
    const stored = storage.objects.get(`tts/${s.a.company.id}/${hash}.mp3`);
    expect(stored?.contentType).toBe("audio/mpeg");
    expect(stored!.size).toBeGreaterThan(1000);

    // 门诊信息 changes apply to the script at once.
    await testDb().clinic.update({ where: { id: clinic.id }, data: { shortName: "静安旗舰店" } });
    try {
      const after = await asAdmin.scripts.audio({ scriptId: created.id });
      expect(after.text).toContain("这里是静安旗舰店");
      expect(after.url).not.toBe(before.url);
    } finally {
      await testDb().clinic.update({ where: { id: clinic.id }, data: { shortName: clinic.shortName } });
    }
  });

  it("render 立即试听 from the unsaved form, and ask for what is missing", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const t = await template("fixed-appointment-reminder");
    await expect(asAdmin.scripts.audio({ templateId: t.id, params: {} })).rejects.toMatchObject({ message: "试听前请选择门店参数" });
    const res = await asAdmin.scripts.audio({ templateId: t.id, params: { clinic: s.a.company.clinics[1]!.id } });
    expect(res.text).toContain(s.a.company.clinics[1]!.address);
    expect(res.text).not.toContain("就诊项目为");
  });
});

describe("lifecycle", () => {
  it("pauses, enables, stops for good, and stopping cancels the pending patients", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const { id } = await asAdmin.scripts.create(await aiScriptInput("集成-生命周期"));
    const patient = await testDb().patient.findFirstOrThrow({ where: { companyId: s.a.company.id, clinicId: openedClinicIds[0] } });
    const task = await testDb().callTask.create({
      data: { companyId: s.a.company.id, clinicId: patient.clinicId, scriptId: id, patientId: patient.id, mobile: patient.mobile, source: "batch", maxAttempts: 2 },
    });

    await expect(asAdmin.scripts.pause({ id })).resolves.toMatchObject({ status: "paused", pauseReason: "manual" });
    await expect(asAdmin.scripts.pause({ id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await testDb().callTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("pending");
    await expect(asAdmin.scripts.enable({ id })).resolves.toMatchObject({ status: "enabled", pauseReason: null });
    await expect(asAdmin.scripts.stop({ id })).resolves.toMatchObject({ status: "stopped", cancelledTasks: 1 });
    expect(await testDb().callTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "cancelled", reason: "scriptStopped" });
    await expect(asAdmin.scripts.enable({ id })).rejects.toMatchObject({ message: "话术已停用，无法再次启用或修改状态" });
    await expect(asAdmin.scripts.update({ ...(await aiScriptInput("集成-生命周期")), id })).rejects.toMatchObject({ message: "话术已停用，不能再修改" });

    const audits = await testDb().auditLog.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["script.create", "script.pause", "script.enable", "script.stop"]);
  });

  it("pauses every enabled script when the balance runs out, and enabling needs balance again", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const { id } = await asAdmin.scripts.create(await aiScriptInput("集成-余额不足"));
    const balance = await testDb().callBalanceEntry.aggregate({ where: { companyId: s.a.company.id }, _sum: { delta: true } });
    const drain = await testDb().callBalanceEntry.create({ data: { companyId: s.a.company.id, delta: -(balance._sum.delta ?? 0), reason: "adjustment" } });
    try {
      const paused = await pauseScriptsForInsufficientBalance(testDb(), s.a.company.id);
      expect(paused).toContain(id);
      expect(await testDb().script.count({ where: { companyId: s.a.company.id, status: "enabled" } })).toBe(0);
      await expect(asAdmin.scripts.byId({ id })).resolves.toMatchObject({ status: "paused", pauseReason: "insufficientBalance" });
      await expect(asAdmin.scripts.enable({ id })).rejects.toMatchObject({ message: "外呼余额不足，请充值后再启用" });
    } finally {
      await testDb().callBalanceEntry.delete({ where: { id: drain.id } });
    }
    await expect(asAdmin.scripts.enable({ id })).resolves.toMatchObject({ status: "enabled" });
    // Re-enable what the drain paused so later tests see the company as it was.
    await testDb().script.updateMany({ where: { companyId: s.a.company.id, pauseReason: "insufficientBalance" }, data: { status: "enabled", pauseReason: null } });
  });

  it("offers only enabled scripts for calling, journey-only ones only to journeys", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const normal = await asAdmin.scripts.create(await aiScriptInput("集成-可呼叫"));
    const journey = await asAdmin.scripts.create(await aiScriptInput("集成-旅程专用", { journeyOnly: true }));
    const paused = await asAdmin.scripts.create(await aiScriptInput("集成-已暂停"));
    await asAdmin.scripts.pause({ id: paused.id });
    const scope = { companyId: s.a.company.id, clinicIds: s.a.company.clinics.map((c) => c.id) };
    const forPatients = (await listCallableScripts(testDb(), scope, { forJourney: false })).map((x) => x.id);
    const forJourneys = (await listCallableScripts(testDb(), scope, { forJourney: true })).map((x) => x.id);
    expect(forPatients).toContain(normal.id);
    expect(forPatients).not.toContain(journey.id);
    expect(forPatients).not.toContain(paused.id);
    expect(forJourneys).toEqual(expect.arrayContaining([normal.id, journey.id]));
    expect(forJourneys).not.toContain(paused.id);
  });
});

describe("gating", () => {
  it("needs outbound.view to read and outbound.scripts.manage to configure", async () => {
    const asFrontDesk = await callerFor(s.a.frontDesk.id);
    await expect(asFrontDesk.scripts.list({ kind: "ai" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asFrontDesk.scripts.templates({})).rejects.toMatchObject({ code: "FORBIDDEN" });

    const role = await testDb().role.findFirstOrThrow({ where: { companyId: s.a.company.id, key: "frontDesk" } });
    await testDb().rolePermission.create({ data: { roleId: role.id, permission: "outbound.view" } });
    try {
      const viewer = await callerFor(s.a.frontDesk.id);
      await expect(viewer.scripts.list({ kind: "ai" })).resolves.toBeTruthy();
      await expect(viewer.scripts.create(await aiScriptInput("集成-无权限"))).rejects.toMatchObject({ code: "FORBIDDEN" });
      const t = await template("appointment-reminder");
      await expect(viewer.scripts.generate({ templateId: t.id, params: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    } finally {
      await testDb().rolePermission.delete({ where: { roleId_permission: { roleId: role.id, permission: "outbound.view" } } });
    }
  });

  it("refuses a company whose qualification is not approved", async () => {
    const asB = await callerFor(s.b.admin.id);
    await expect(asB.scripts.list({ kind: "ai" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("treats another company's script like a missing one", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const t = await template("appointment-reminder");
    const bScript = await testDb().script.create({
      data: { companyId: s.b.company.id, name: "集成-B公司话术", kind: "ai", category: "service", templateId: t.id },
    });
    await expect(asAdmin.scripts.byId({ id: bScript.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asAdmin.scripts.stop({ id: bScript.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asAdmin.scripts.audio({ scriptId: bScript.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows a clinic admin only scripts of the clinics they may see", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const allowed = (await testDb().userClinic.findMany({ where: { userId: s.a.clinicAdmin.id } })).map((u) => u.clinicId);
    const other = openedClinicIds.find((id) => !allowed.includes(id))!;
    expect(other).toBeDefined();
    const hidden = await asAdmin.scripts.create(await aiScriptInput("集成-他店话术", { clinicIds: [other] }));
    const asClinicAdmin = await callerFor(s.a.clinicAdmin.id);
    await expect(asClinicAdmin.scripts.byId({ id: hidden.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const list = await asClinicAdmin.scripts.list({ kind: "ai", pageSize: 100 });
    expect(list.items.map((i) => i.id)).not.toContain(hidden.id);
  });
});
