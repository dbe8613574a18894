import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import type { Scope } from "@/server/domain/auth/scope";
import type { SmsPort } from "@/server/ports/sms";
import { vendorTemplateProblem, vendorTemplateProblemText } from "@/server/domain/sms/vendor-template-check";

export const setSmsVendorTemplateInput = z.object({
  id: z.string().min(1),
  /** The SMS vendor's approved template id (Tencent: digits); empty clears the mapping. */
  vendorTemplateId: z
    .string()
    .trim()
    .max(32, "模板ID最多 32 位")
    .regex(/^\d*$/, "腾讯云模板ID只包含数字，请在短信控制台的正文模板管理中查看"),
});

/**
 * 关联腾讯云模板ID: which approved vendor template a template is sent as. Changing it does not change the wording, so
 * the template keeps its review status; a template without one is never sent through a template-only provider.
 * A provider that can describe its templates (Tencent DescribeSmsTemplateList) is asked first: the id must exist, be
 * approved and take as many parameters as our placeholders, else the link is refused with what to fix.
 */
export async function setSmsVendorTemplate(db: PrismaClient, sms: SmsPort, scope: Scope, viewer: Viewer, raw: z.input<typeof setSmsVendorTemplateInput>) {
  const input = setSmsVendorTemplateInput.parse(raw);
  const existing = await db.smsTemplate.findFirst({ where: { id: input.id, companyId: scope.companyId }, select: { id: true, vendorTemplateId: true, content: true } });
  if (!existing) throw AppError.notFound("短信模板");
  const vendorTemplateId = input.vendorTemplateId || null;
  if (vendorTemplateId && sms.describeTemplate) {
    let vendor;
    try {
      vendor = await sms.describeTemplate(vendorTemplateId);
    } catch (error) {
      console.warn(`[sms] DescribeSmsTemplateList(${vendorTemplateId}) failed: ${(error as Error).message}`);
      throw new AppError("BAD_GATEWAY", "暂时无法向腾讯云核对模板，请稍后重试");
    }
    const problem = vendorTemplateProblem(existing.content, vendor);
    if (problem) throw new AppError("BAD_REQUEST", vendorTemplateProblemText(problem));
  }
  return db.$transaction(async (tx) => {
    const t = await tx.smsTemplate.update({ where: { id: existing.id }, data: { vendorTemplateId }, select: { id: true, vendorTemplateId: true } });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "smsTemplate.mapVendor",
      targetType: "smsTemplate",
      targetId: t.id,
      data: { before: existing.vendorTemplateId, after: vendorTemplateId },
    });
    return t;
  });
}
