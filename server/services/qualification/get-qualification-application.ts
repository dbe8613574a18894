import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import { QUALIFICATION_DOCUMENT_KINDS } from "@/server/domain/qualification/document-kinds";
import { AppError } from "@/server/errors";

export const getQualificationApplicationInput = z.object({ id: z.string().min(1) });

/** Review detail for platform admins: the application, its documents, the company's clinics and the decision history. */
export async function getQualificationApplication(db: Tx, raw: z.input<typeof getQualificationApplicationInput>) {
  const { id } = getQualificationApplicationInput.parse(raw);
  const application = await db.qualificationApplication.findUnique({
    where: { id },
    include: {
      company: {
        select: {
          id: true,
          name: true,
          clinics: { select: { id: true, name: true, shortName: true, address: true, outboundOpenedAt: true }, orderBy: { createdAt: "asc" } },
        },
      },
      reviewer: { select: { name: true } },
      documents: { select: { id: true, kind: true, fileName: true, mimeType: true, sizeBytes: true, uploadedAt: true } },
    },
  });
  // Drafts are not submitted yet: reviewers see them only once the company submits.
  if (!application || application.status === "draft") throw AppError.notFound("资质申请");

  const history = await db.auditLog.findMany({
    where: {
      OR: [
        { targetType: "qualificationApplication", targetId: application.id },
        { targetType: "clinic", targetId: { in: application.company.clinics.map((c) => c.id) }, action: { startsWith: "clinic.outbound." } },
      ],
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, action: true, reason: true, data: true, createdAt: true, actor: { select: { name: true } } },
  });
  const { documents, ...rest } = application;
  return {
    ...rest,
    documents: QUALIFICATION_DOCUMENT_KINDS.map((kind) => documents.find((d) => d.kind === kind)).filter((d) => d !== undefined),
    history,
  };
}
