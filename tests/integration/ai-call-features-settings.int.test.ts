import { describe, expect, it } from "vitest";
import { aiCallFeaturesOf, DEFAULT_AI_CALL_FEATURES } from "@/server/domain/vendor/ai-call-features";
import { createDialerCompany } from "./dialer-fixtures";
import { callerFor, seeded, testDb } from "./fixtures";

/**
 * Issue 24: 外呼管理 → AI 通话功能 (Company.aiCallFeatures) and each clinic's front-desk skill group (门诊信息), through
 * the tRPC procedures: validation with the documented bounds, company-wide setting for company-wide managers only,
 * audited, and another tenant's clinic indistinguishable from a missing one.
 */
const valid = {
  voicemailDetection: false,
  maxRingSeconds: 30,
  acquireTimeoutSeconds: 0,
  silence: { promptAfterSeconds: 12, prompt: "  您好，还在听吗？ ", maxPrompts: 1, hangUpAfterSeconds: 30 },
  extraction: true,
  transferToFrontDesk: false,
  complianceAudio: false,
};

describe("AI call features settings", () => {
  it("shows the defaults, saves what the admin sets (trimmed), audits before/after, and the dialer reads it", async () => {
    const company = await createDialerCompany("aifeat1");
    const db = testDb();
    const admin = await callerFor(company.admin.id);
    const first = await admin.outboundManagement.aiCallFeatures({});
    expect(first).toMatchObject({ features: DEFAULT_AI_CALL_FEATURES, isDefault: true, vendorApplies: false });
    expect(first.clinics.map((c) => c.shortName)).toEqual(["一店", "二店", "三店"]);

    const saved = await admin.outboundManagement.updateAiCallFeatures(valid);
    expect(saved.silence.prompt).toBe("您好，还在听吗？");
    const after = await admin.outboundManagement.aiCallFeatures({});
    expect(after).toMatchObject({ isDefault: false, features: { ...valid, silence: { ...valid.silence, prompt: "您好，还在听吗？" } } });
    // What build-call-script hands the carrier is the stored setting read with its bounds.
    const stored = await db.company.findUniqueOrThrow({ where: { id: company.companyId }, select: { aiCallFeatures: true } });
    expect(aiCallFeaturesOf(stored.aiCallFeatures)).toEqual(after.features);

    const audit = await db.auditLog.findFirstOrThrow({ where: { companyId: company.companyId, action: "company.aiCallFeatures" } });
    expect(audit).toMatchObject({ actorId: company.admin.id, targetType: "company", targetId: company.companyId });
    expect(audit.data).toMatchObject({ before: { voicemailDetection: true, complianceAudio: true }, after: { voicemailDetection: false, complianceAudio: false, maxRingSeconds: 30 } });
  });

  it("refuses values outside the documented bounds with what is allowed, and saves nothing", async () => {
    const company = await createDialerCompany("aifeat2");
    const admin = await callerFor(company.admin.id);
    const refused = async (input: typeof valid, message: RegExp) => {
      await expect(admin.outboundManagement.updateAiCallFeatures(input)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
    };
    await refused({ ...valid, maxRingSeconds: 5 }, /振铃时长为 10–120 秒/);
    await refused({ ...valid, acquireTimeoutSeconds: 6 }, /排队等待时长为 0–5 秒/);
    await refused({ ...valid, maxRingSeconds: Number.NaN }, /振铃时长/);
    await refused({ ...valid, silence: { ...valid.silence, promptAfterSeconds: 9 } }, /静默提示时间为 10–60 秒/);
    await refused({ ...valid, silence: { ...valid.silence, prompt: "   " } }, /请填写静默提示语/);
    await refused({ ...valid, silence: { ...valid.silence, prompt: "好".repeat(101) } }, /最多 100 个字/);
    await refused({ ...valid, silence: { ...valid.silence, maxPrompts: 6 } }, /提示次数为 0–5 次/);
    await refused({ ...valid, silence: { ...valid.silence, promptAfterSeconds: 30, hangUpAfterSeconds: 30 } }, /静默挂断时间需长于静默提示时间/);
    expect((await admin.outboundManagement.aiCallFeatures({})).isDefault).toBe(true);
  });

  it("is company-wide: a clinic-limited manager may read it but not change it; a role without 外呼 permissions neither", async () => {
    const s = await seeded();
    const clinicAdmin = await callerFor(s.a.clinicAdmin.id);
    const view = await clinicAdmin.outboundManagement.aiCallFeatures({});
    const allowed = (await testDb().user.findUniqueOrThrow({ where: { id: s.a.clinicAdmin.id }, include: { userClinics: true } })).userClinics.map((c) => c.clinicId);
    expect(view.clinics.every((c) => allowed.includes(c.id))).toBe(true);
    await expect(clinicAdmin.outboundManagement.updateAiCallFeatures(valid)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/全公司/) });
    const frontDesk = await callerFor(s.a.frontDesk.id);
    await expect(frontDesk.outboundManagement.updateAiCallFeatures(valid)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("门诊信息: sets and clears a clinic's front-desk skill group, validated and audited; another tenant's clinic is not found", async () => {
    const company = await createDialerCompany("aifeat3");
    const db = testDb();
    const admin = await callerFor(company.admin.id);
    const clinicId = company.clinicIds[1]!;
    const base = { id: clinicId, name: "外呼测试(二店)", shortName: "二店", address: "上海市徐汇区漕溪北路2号" };
    await admin.clinics.update({ ...base, frontDeskSkillGroupId: 3002 });
    expect((await admin.clinics.list()).find((c) => c.id === clinicId)?.frontDeskSkillGroupId).toBe(3002);
    expect((await admin.outboundManagement.aiCallFeatures({})).clinics.find((c) => c.id === clinicId)?.frontDeskSkillGroupId).toBe(3002);
    const audit = await db.auditLog.findFirstOrThrow({ where: { companyId: company.companyId, action: "clinic.update", targetId: clinicId }, orderBy: { createdAt: "desc" } });
    expect(audit.data).toMatchObject({ before: { frontDeskSkillGroupId: null }, after: { frontDeskSkillGroupId: 3002 } });

    await expect(admin.clinics.update({ ...base, frontDeskSkillGroupId: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("技能组 ID 为正整数") });
    await expect(admin.clinics.update({ ...base, frontDeskSkillGroupId: 1.5 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("技能组 ID 为正整数") });
    // Leaving the field out keeps it; null clears it (the AI then never transfers from this clinic).
    await admin.clinics.update(base);
    expect((await db.clinic.findUniqueOrThrow({ where: { id: clinicId } })).frontDeskSkillGroupId).toBe(3002);
    await admin.clinics.update({ ...base, frontDeskSkillGroupId: null });
    expect((await db.clinic.findUniqueOrThrow({ where: { id: clinicId } })).frontDeskSkillGroupId).toBeNull();

    const s = await seeded();
    const otherAdmin = await callerFor(s.b.admin.id);
    await expect(otherAdmin.clinics.update({ ...base, frontDeskSkillGroupId: 9 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.clinic.findUniqueOrThrow({ where: { id: clinicId } })).frontDeskSkillGroupId).toBeNull();
  });
});
