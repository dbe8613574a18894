import type { Tx } from "@/server/db/create-client";
import { can, type Viewer } from "@/server/domain/auth/permissions";
import { AppError } from "@/server/errors";
import type { ObjectStorage } from "@/server/ports/storage";

/** The legal representative's ID card scans: personal data beyond what running a clinic's onboarding needs. */
const RESTRICTED_KINDS = new Set(["legalIdFront", "legalIdBack"]);

/**
 * A document's bytes for the viewer, who must be a platform admin or belong to the uploading company (with the
 * onboarding permission); the legal representative's ID scans only for the company's 公司管理员 (a 诊所管理员 holds the
 * onboarding permission too). Anyone else gets NOT_FOUND, exactly as for a missing id.
 */
export async function readQualificationDocument(db: Tx, storage: ObjectStorage, viewer: Viewer, documentId: string) {
  const document = await db.qualificationDocument.findUnique({
    where: { id: documentId },
    select: { kind: true, storageKey: true, fileName: true, mimeType: true, application: { select: { companyId: true } } },
  });
  const mayRead =
    document &&
    (viewer.isPlatformAdmin || (viewer.companyId === document.application.companyId &&
        can(viewer, "outbound.onboarding.manage") &&
        (!RESTRICTED_KINDS.has(document.kind) || viewer.roleKey === "companyAdmin")));
  if (!document || !mayRead) throw AppError.notFound("资质材料");
  const object = await storage.get(document.storageKey);
  if (!object) throw AppError.notFound("资质材料文件");
  return { body: object.body, mimeType: document.mimeType, fileName: document.fileName };
}
