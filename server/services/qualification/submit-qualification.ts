import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { missingDocuments, missingDocumentsMessage, transition } from "@/server/domain/qualification/application-rules";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { findLatestApplication, lockApplication } from "./lock-application";

/** 提交审核: needs all four documents; a rejected application goes back to review after corrections. */
export async function submitQualification(db: PrismaClient, scope: Scope, viewer: Viewer) {
  return db.$transaction(async (tx) => {
    const application = await findLatestApplication(tx, scope.companyId);
    if (!application) throw new AppError("BAD_REQUEST", "请先填写申请信息并同意服务条款");
    const locked = await lockApplication(tx, application.id);
    const next = transition(locked?.status ?? application.status, "submit");
    if (!next.ok) throw new AppError("CONFLICT", next.message);
    if (!application.termsAcceptedAt) throw new AppError("BAD_REQUEST", "请先阅读并同意《智能外呼服务条款》");
    const documents = await tx.qualificationDocument.findMany({ where: { applicationId: application.id }, select: { kind: true } });
    const missing = missingDocuments(documents.map((d) => d.kind));
    if (missing.length > 0) throw new AppError("BAD_REQUEST", missingDocumentsMessage(missing));

    const updated = await tx.qualificationApplication.update({
      where: { id: application.id },
      data: { status: next.to, submittedAt: new Date(), reviewedAt: null, reviewerId: null, rejectReason: null },
    });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: application.status === "rejected" ? "qualification.resubmit" : "qualification.submit",
      targetType: "qualificationApplication",
      targetId: application.id,
      data: { previousRejectReason: application.rejectReason },
    });
    return { id: updated.id, status: updated.status, submittedAt: updated.submittedAt };
  });
}
