import type { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { transition } from "@/server/domain/qualification/application-rules";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { lockApplication } from "./lock-application";
import { rejectQualificationInput } from "./review-input";

export { rejectQualificationInput };

/** 驳回: only a pending application, with a reason the company sees; it may then correct and resubmit. */
export async function rejectQualification(db: PrismaClient, viewer: Viewer, raw: z.input<typeof rejectQualificationInput>) {
  if (!viewer.isPlatformAdmin) throw AppError.forbidden("仅平台管理员可审核资质");
  const input = rejectQualificationInput.parse(raw);
  return db.$transaction(async (tx) => {
    const locked = await lockApplication(tx, input.id);
    if (!locked || locked.status === "draft") throw AppError.notFound("资质申请");
    const next = transition(locked.status, "reject");
    if (!next.ok) throw new AppError("CONFLICT", next.message);
    await tx.qualificationApplication.update({
      where: { id: input.id },
      data: { status: next.to, reviewedAt: new Date(), reviewerId: viewer.userId, rejectReason: input.reason },
    });
    await writeAuditLog(tx, {
      companyId: locked.companyId,
      actorId: viewer.userId,
      action: "qualification.reject",
      targetType: "qualificationApplication",
      targetId: input.id,
      reason: input.reason,
    });
    return { id: input.id, status: next.to };
  });
}
