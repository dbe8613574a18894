import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { applicantForm, type ApplicantFormInput } from "@/server/domain/qualification/applicant-form";
import { isEditable, NOT_EDITABLE_MESSAGES } from "@/server/domain/qualification/application-rules";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { findLatestApplication, lockApplication } from "./lock-application";

export const saveApplicantInput = applicantForm;

/**
 * 【立即使用】 step: 姓名, 手机号, 企业名称 and agreement to the terms. Starts the company's application (draft) or
 * corrects it while it is still a draft or after a rejection.
 */
export async function saveApplicant(db: PrismaClient, scope: Scope, viewer: Viewer, raw: ApplicantFormInput) {
  const input = applicantForm.parse(raw);
  return db.$transaction(async (tx) => {
    // One application per company: serialise concurrent first submissions on the company row.
    await tx.$queryRaw`SELECT 1 FROM "Company" WHERE "id" = ${scope.companyId} FOR UPDATE`;
    const existing = await findLatestApplication(tx, scope.companyId);
    const data = {
      applicantName: input.applicantName,
      applicantMobile: input.applicantMobile,
      companyName: input.companyName,
      termsAcceptedAt: new Date(),
    };
    if (!existing) {
      const created = await tx.qualificationApplication.create({ data: { ...data, companyId: scope.companyId, status: "draft" } });
      await writeAuditLog(tx, {
        companyId: scope.companyId,
        actorId: viewer.userId,
        action: "qualification.start",
        targetType: "qualificationApplication",
        targetId: created.id,
        data: { applicantName: data.applicantName, companyName: data.companyName },
      });
      return { id: created.id, status: created.status };
    }
    const locked = await lockApplication(tx, existing.id);
    if (locked && !isEditable(locked.status)) {
      throw new AppError("CONFLICT", NOT_EDITABLE_MESSAGES[locked.status as "pending" | "approved"]);
    }
    const updated = await tx.qualificationApplication.update({ where: { id: existing.id }, data });
    return { id: updated.id, status: updated.status };
  });
}
