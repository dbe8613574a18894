import type { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { transition } from "@/server/domain/qualification/application-rules";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { lockApplication } from "./lock-application";
import { approveQualificationInput } from "./review-input";

export { approveQualificationInput };

/** 审核通过: only a pending application, once; opens the chosen clinics of that company for AI calls. */
export async function approveQualification(db: PrismaClient, viewer: Viewer, raw: z.input<typeof approveQualificationInput>) {
  if (!viewer.isPlatformAdmin) throw AppError.forbidden("仅平台管理员可审核资质");
  const input = approveQualificationInput.parse(raw);
  return db.$transaction(async (tx) => {
    const locked = await lockApplication(tx, input.id);
    if (!locked || locked.status === "draft") throw AppError.notFound("资质申请");
    const next = transition(locked.status, "approve");
    if (!next.ok) throw new AppError("CONFLICT", next.message);

    const clinicIds = [...new Set(input.clinicIds)];
    const clinics = await tx.clinic.findMany({
      where: { id: { in: clinicIds }, companyId: locked.companyId },
      select: { id: true, shortName: true, outboundOpenedAt: true },
    });
    if (clinics.length !== clinicIds.length) throw new AppError("BAD_REQUEST", "所选门店不属于该企业");

    const now = new Date();
    await tx.qualificationApplication.update({
      where: { id: input.id },
      data: { status: next.to, reviewedAt: now, reviewerId: viewer.userId, rejectReason: null },
    });
    await tx.clinic.updateMany({ where: { id: { in: clinicIds }, outboundOpenedAt: null }, data: { outboundOpenedAt: now } });
    await writeAuditLog(tx, {
      companyId: locked.companyId,
      actorId: viewer.userId,
      action: "qualification.approve",
      targetType: "qualificationApplication",
      targetId: input.id,
      data: { openedClinics: clinics.map((c) => ({ id: c.id, shortName: c.shortName })) },
    });
    return { id: input.id, status: next.to, openedClinicIds: clinicIds };
  });
}
