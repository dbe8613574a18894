import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import type { Scope } from "@/server/domain/auth/scope";

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
 */
export async function setSmsVendorTemplate(db: PrismaClient, scope: Scope, viewer: Viewer, raw: z.input<typeof setSmsVendorTemplateInput>) {
  const input = setSmsVendorTemplateInput.parse(raw);
  const existing = await db.smsTemplate.findFirst({ where: { id: input.id, companyId: scope.companyId }, select: { id: true, vendorTemplateId: true } });
  if (!existing) throw AppError.notFound("短信模板");
  const vendorTemplateId = input.vendorTemplateId || null;
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
