import { describe, expect, it } from "vitest";
import { callerFor, seeded, testDb } from "./fixtures";

describe("关联腾讯云模板ID", () => {
  it("links an approved template to a vendor id without a new review, audited; only digits; tenant-scoped", async () => {
    const s = await seeded();
    const start = new Date(); // tencent-sms-pull links the same template in this shared database; its audits are not ours
    const asAdmin = await callerFor(s.a.admin.id);
    const [approved] = await asAdmin.sms.templates({ status: "approved" });
    expect(approved).toBeDefined();
    await testDb().smsTemplate.update({ where: { id: approved!.id }, data: { vendorTemplateId: null } }); // tencent-sms-pull may have linked it
    await expect(asAdmin.sms.setVendorTemplate({ id: approved!.id, vendorTemplateId: "abc" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await asAdmin.sms.setVendorTemplate({ id: approved!.id, vendorTemplateId: " 2100009 " });
    const after = (await asAdmin.sms.templates({})).find((t) => t.id === approved!.id);
    expect(after).toMatchObject({ status: "approved", vendorTemplateId: "2100009" });

    const other = await testDb().smsTemplate.findFirstOrThrow({ where: { companyId: { not: s.a.company.id } }, select: { id: true } });
    await expect(asAdmin.sms.setVendorTemplate({ id: other.id, vendorTemplateId: "1" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await asAdmin.sms.setVendorTemplate({ id: approved!.id, vendorTemplateId: "" });
    expect((await asAdmin.sms.templates({})).find((t) => t.id === approved!.id)?.vendorTemplateId).toBeNull();
    const audits = await testDb().auditLog.findMany({ where: { targetId: approved!.id, action: "smsTemplate.mapVendor", createdAt: { gte: start } }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.data)).toEqual([
      { before: null, after: "2100009" },
      { before: "2100009", after: null },
    ]);
  });
});
