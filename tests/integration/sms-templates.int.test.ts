import { describe, expect, it } from "vitest";
import { callerFor, seeded, testDb } from "./fixtures";

describe("SMS templates", () => {
  it("are submitted for review on creation, reviewed by the platform, and only then offered as 挂机短信", async () => {
    const s = await seeded();
    const asAdmin = await callerFor(s.a.admin.id);
    const created = await asAdmin.sms.createTemplate({ name: "集成-复诊提醒", content: "【{诊所简称}】您好，请记得按时复诊。拒收请回复R" });
    expect(created.status).toBe("pending");
    expect((await asAdmin.scripts.smsOptions()).map((o) => o.id)).not.toContain(created.id);

    // A company cannot approve its own template; the platform admin does.
    await expect(asAdmin.sms.review({ id: created.id, approve: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const asPlatform = await callerFor(s.platformAdmin.id);
    const queue = await asPlatform.sms.reviewList({ status: "pending" });
    expect(queue.find((q) => q.id === created.id)).toMatchObject({ companyName: s.a.company.name, segments: 1 });
    await expect(asPlatform.sms.review({ id: created.id, approve: true })).resolves.toMatchObject({ status: "approved" });
    await expect(asPlatform.sms.review({ id: created.id, approve: false, reason: "迟到的驳回" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    expect((await asAdmin.scripts.smsOptions()).map((o) => o.id)).toContain(created.id);
    await expect(asAdmin.sms.updateTemplate({ id: created.id, name: "集成-复诊提醒", content: "改" })).rejects.toMatchObject({
      message: "已审核的短信模板不能修改，如需调整请新建模板",
    });
    const audits = await testDb().auditLog.findMany({ where: { targetId: created.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ["smsTemplate.submit", s.a.admin.id],
      ["smsTemplate.approve", s.platformAdmin.id],
    ]);
  });

  it("needs a reason to reject; editing a rejected template resubmits it", async () => {
    const s = await seeded();
    const asAdmin = await callerFor(s.a.admin.id);
    const asPlatform = await callerFor(s.platformAdmin.id);
    const t = await asAdmin.sms.createTemplate({ name: "集成-洁牙活动", content: "【{诊所简称}】洁牙特惠！" });
    await expect(asPlatform.sms.review({ id: t.id, approve: false, reason: " " })).rejects.toMatchObject({ message: "请填写驳回原因" });
    await asPlatform.sms.review({ id: t.id, approve: false, reason: "营销短信需包含退订方式" });
    const rejected = (await asAdmin.sms.templates({ status: "rejected" })).find((x) => x.id === t.id);
    expect(rejected).toMatchObject({ status: "rejected", rejectReason: "营销短信需包含退订方式" });

    await asAdmin.sms.updateTemplate({ id: t.id, name: "集成-洁牙活动", content: "【{诊所简称}】洁牙特惠！拒收请回复R" });
    const resubmitted = await testDb().smsTemplate.findUniqueOrThrow({ where: { id: t.id } });
    expect(resubmitted).toMatchObject({ status: "pending", rejectReason: null, reviewedAt: null, content: "【{诊所简称}】洁牙特惠！拒收请回复R" });
  });

  it("keeps names unique per company and validates length", async () => {
    const s = await seeded();
    const asAdmin = await callerFor(s.a.admin.id);
    await expect(asAdmin.sms.createTemplate({ name: "预约到店提醒", content: "x" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(asAdmin.sms.createTemplate({ name: "", content: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(asAdmin.sms.createTemplate({ name: "集成-超长", content: "字".repeat(301) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Another company may use the same name.
    await asAdmin.sms.createTemplate({ name: "集成-同名模板", content: "【微笑】明天见" });
    const asB = await callerFor(s.b.admin.id);
    await expect(asB.sms.createTemplate({ name: "集成-同名模板", content: "【皓齿】明天见" })).resolves.toMatchObject({ status: "pending" });
  });

  it("is tenant-scoped and needs sms.manage", async () => {
    const s = await seeded();
    const aTemplate = await testDb().smsTemplate.findFirstOrThrow({ where: { companyId: s.a.company.id, status: "rejected" } });
    const asB = await callerFor(s.b.admin.id);
    await expect(asB.sms.updateTemplate({ id: aTemplate.id, name: "x", content: "y" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await asB.sms.templates({})).every((t) => t.id !== aTemplate.id)).toBe(true);
    const asFrontDesk = await callerFor(s.a.frontDesk.id);
    await expect(asFrontDesk.sms.templates({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asFrontDesk.sms.quota({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows the SMS quota balance as the sum of its ledger", async () => {
    const s = await seeded();
    const asAdmin = await callerFor(s.a.admin.id);
    const before = await asAdmin.sms.quota({});
    const entry = await testDb().smsQuotaEntry.create({ data: { companyId: s.a.company.id, delta: -3, reason: "hangupSms" } });
    try {
      const after = await asAdmin.sms.quota({});
      expect(after.balance).toBe(before.balance - 3);
      expect(after.total).toBe(before.total + 1);
      expect(after.entries[0]).toMatchObject({ id: entry.id, delta: -3, reason: "hangupSms" });
    } finally {
      await testDb().smsQuotaEntry.delete({ where: { id: entry.id } });
    }
    const asB = await callerFor(s.b.admin.id);
    expect((await asB.sms.quota({})).entries.every((e) => e.id !== entry.id)).toBe(true);
  });
});
