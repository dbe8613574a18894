import { z } from "zod";
import type { PrismaClient, Tx } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { smsReviewProblem, smsSegments, SMS_REJECT_REASON_MAX } from "@/server/domain/sms/sms-template";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";

/**
 * 短信模板审核 is the platform's job (like qualification review): the platform registers templates with the carriers,
 * so a company cannot approve its own. Platform admins see every company's pending templates.
 */
export const reviewSmsTemplateInput = z.discriminatedUnion("approve", [
  z.object({ id: z.string().min(1), approve: z.literal(true) }),
  z.object({ id: z.string().min(1), approve: z.literal(false), reason: z.string().trim().max(SMS_REJECT_REASON_MAX, `驳回原因最多 ${SMS_REJECT_REASON_MAX} 个字`) }),
]);

export const listSmsTemplatesForReviewInput = z.object({ status: z.enum(["pending", "approved", "rejected"]).default("pending") }).default({ status: "pending" });

export async function listSmsTemplatesForReview(db: Tx, raw: z.input<typeof listSmsTemplatesForReviewInput>) {
  const { status } = listSmsTemplatesForReviewInput.parse(raw);
  const rows = await db.smsTemplate.findMany({
    where: { status },
    orderBy: status === "pending" ? [{ updatedAt: "asc" }, { id: "asc" }] : [{ reviewedAt: "desc" }, { id: "asc" }],
    take: 200,
    select: { id: true, name: true, content: true, status: true, rejectReason: true, updatedAt: true, reviewedAt: true, company: { select: { name: true } } },
  });
  return rows.map(({ company, ...r }) => ({ ...r, companyName: company.name, segments: smsSegments(r.content) }));
}

export async function reviewSmsTemplate(db: PrismaClient, viewer: Viewer, raw: z.input<typeof reviewSmsTemplateInput>, now: Date = new Date()) {
  const input = reviewSmsTemplateInput.parse(raw);
  return db.$transaction(async (tx) => {
    const t = await tx.smsTemplate.findUnique({ where: { id: input.id }, select: { id: true, companyId: true, status: true, name: true } });
    if (!t) throw AppError.notFound("短信模板");
    const decision = input.approve ? { approve: true as const } : { approve: false as const, reason: input.reason };
    const problem = smsReviewProblem(t.status, decision);
    if (problem) throw new AppError("BAD_REQUEST", problem);
    // Only a still-pending row is decided: a concurrent review or edit makes this a no-op and an error.
    const { count } = await tx.smsTemplate.updateMany({
      where: { id: t.id, status: "pending" },
      data: {
        status: input.approve ? "approved" : "rejected",
        rejectReason: input.approve ? null : input.reason,
        reviewedAt: now,
        reviewerId: viewer.userId,
      },
    });
    if (count === 0) throw new AppError("CONFLICT", "该短信模板已被处理，请刷新后重试");
    await writeAuditLog(tx, {
      companyId: t.companyId,
      actorId: viewer.userId,
      action: input.approve ? "smsTemplate.approve" : "smsTemplate.reject",
      targetType: "smsTemplate",
      targetId: t.id,
      reason: input.approve ? null : input.reason,
      data: { name: t.name },
    });
    return { id: t.id, status: input.approve ? ("approved" as const) : ("rejected" as const) };
  });
}
