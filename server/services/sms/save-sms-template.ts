import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { isSmsTemplateEditable } from "@/server/domain/sms/sms-template";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import type { Scope } from "@/server/domain/auth/scope";
import { duplicateSmsName, smsTemplateForm } from "./sms-template-input";

export const createSmsTemplateInput = smsTemplateForm;
export const updateSmsTemplateInput = smsTemplateForm.extend({ id: z.string().min(1) });

const isUniqueViolation = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";

/** 新建短信模板: submitted for review at once (待审核). */
export async function createSmsTemplate(db: PrismaClient, scope: Scope, viewer: Viewer, raw: z.input<typeof createSmsTemplateInput>) {
  const input = createSmsTemplateInput.parse(raw);
  if (await db.smsTemplate.findFirst({ where: { companyId: scope.companyId, name: input.name }, select: { id: true } })) {
    throw new AppError("CONFLICT", duplicateSmsName(input.name));
  }
  try {
    return await db.$transaction(async (tx) => {
      const t = await tx.smsTemplate.create({
        data: { companyId: scope.companyId, name: input.name, content: input.content, status: "pending" },
        select: { id: true, name: true, status: true },
      });
      await writeAuditLog(tx, { companyId: scope.companyId, actorId: viewer.userId, action: "smsTemplate.submit", targetType: "smsTemplate", targetId: t.id, data: { name: t.name } });
      return t;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", duplicateSmsName(input.name));
    throw error;
  }
}

/** 编辑 a pending or rejected template; it goes back to 待审核. */
export async function updateSmsTemplate(db: PrismaClient, scope: Scope, viewer: Viewer, raw: z.input<typeof updateSmsTemplateInput>) {
  const input = updateSmsTemplateInput.parse(raw);
  const existing = await db.smsTemplate.findFirst({ where: { id: input.id, companyId: scope.companyId }, select: { id: true, status: true, name: true, content: true } });
  if (!existing) throw AppError.notFound("短信模板");
  if (!isSmsTemplateEditable(existing.status)) throw new AppError("BAD_REQUEST", "已审核的短信模板不能修改，如需调整请新建模板");
  const clash = await db.smsTemplate.findFirst({ where: { companyId: scope.companyId, name: input.name, NOT: { id: existing.id } }, select: { id: true } });
  if (clash) throw new AppError("CONFLICT", duplicateSmsName(input.name));
  try {
    return await db.$transaction(async (tx) => {
      const t = await tx.smsTemplate.update({
        where: { id: existing.id },
        data: { name: input.name, content: input.content, status: "pending", rejectReason: null, reviewedAt: null, reviewerId: null },
        select: { id: true, name: true, status: true },
      });
      await writeAuditLog(tx, {
        companyId: scope.companyId,
        actorId: viewer.userId,
        action: "smsTemplate.resubmit",
        targetType: "smsTemplate",
        targetId: t.id,
        data: { before: { name: existing.name, content: existing.content, status: existing.status } },
      });
      return t;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", duplicateSmsName(input.name));
    throw error;
  }
}
