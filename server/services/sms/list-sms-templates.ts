import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import { smsSegments } from "@/server/domain/sms/sms-template";
import type { Scope } from "@/server/domain/auth/scope";
import { likeText } from "@/server/domain/validation/like-pattern";

export const listSmsTemplatesInput = z
  .object({ status: z.enum(["pending", "approved", "rejected"]).optional(), q: z.string().trim().max(20).optional() })
  .default({});

/** 短信模板管理: the company's templates, newest first. */
export async function listSmsTemplates(db: Tx, scope: Scope, raw: z.input<typeof listSmsTemplatesInput>) {
  const input = listSmsTemplatesInput.parse(raw);
  const rows = await db.smsTemplate.findMany({
    where: { companyId: scope.companyId, ...(input.status ? { status: input.status } : {}), ...(input.q ? { name: { contains: likeText(input.q) } } : {}) },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, content: true, status: true, rejectReason: true, vendorTemplateId: true, reviewedAt: true, createdAt: true, updatedAt: true },
  });
  return rows.map((r) => ({ ...r, segments: smsSegments(r.content) }));
}

/** The 挂机短信 options: 已审核 templates only (seed §3-5). */
export async function listApprovedSmsTemplates(db: Tx, scope: Scope) {
  const rows = await db.smsTemplate.findMany({
    where: { companyId: scope.companyId, status: "approved" },
    orderBy: { name: "asc" },
    select: { id: true, name: true, content: true },
  });
  return rows.map((r) => ({ ...r, segments: smsSegments(r.content) }));
}
