import type { Tx } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { isEditable } from "@/server/domain/qualification/application-rules";
import { QUALIFICATION_DOCUMENT_KINDS } from "@/server/domain/qualification/document-kinds";
import { outboundAccessState } from "@/server/domain/outbound/outbound-access";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";

/** The company's side of onboarding: its application (if any), uploaded documents, and defaults for the sign-up form. */
export async function getMyQualification(db: Tx, scope: Scope, viewer: Viewer) {
  const [company, user, application] = await Promise.all([
    db.company.findUnique({ where: { id: scope.companyId }, select: { name: true } }),
    db.user.findUnique({ where: { id: viewer.userId }, select: { name: true, mobile: true } }),
    db.qualificationApplication.findFirst({
      where: { companyId: scope.companyId },
      orderBy: { createdAt: "desc" },
      include: { documents: { select: { id: true, kind: true, fileName: true, mimeType: true, sizeBytes: true, uploadedAt: true } } },
    }),
  ]);
  if (!company) throw AppError.notFound("企业");
  const order = (kind: string) => QUALIFICATION_DOCUMENT_KINDS.indexOf(kind as (typeof QUALIFICATION_DOCUMENT_KINDS)[number]);
  return {
    state: outboundAccessState(application?.status ?? null),
    application: application && {
      id: application.id,
      status: application.status,
      editable: isEditable(application.status),
      applicantName: application.applicantName,
      applicantMobile: application.applicantMobile,
      companyName: application.companyName,
      termsAcceptedAt: application.termsAcceptedAt,
      submittedAt: application.submittedAt,
      reviewedAt: application.reviewedAt,
      rejectReason: application.rejectReason,
      documents: [...application.documents].sort((a, b) => order(a.kind) - order(b.kind)),
    },
    defaults: { applicantName: user?.name ?? "", applicantMobile: user?.mobile ?? "", companyName: company.name },
  };
}
