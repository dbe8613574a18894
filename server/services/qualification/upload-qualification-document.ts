import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import { can, type Viewer } from "@/server/domain/auth/permissions";
import { isEditable, NOT_EDITABLE_MESSAGES } from "@/server/domain/qualification/application-rules";
import { documentFileName } from "@/server/domain/qualification/document-file-name";
import { QUALIFICATION_DOCUMENT_KINDS } from "@/server/domain/qualification/document-kinds";
import { checkDocumentFile, DOCUMENT_CHECK_MESSAGES } from "@/server/domain/qualification/sniff-file-type";
import { AppError } from "@/server/errors";
import type { ObjectStorage } from "@/server/ports/storage";
import { findLatestApplication, lockApplication } from "./lock-application";

export const uploadQualificationDocumentInput = z.object({
  kind: z.enum(QUALIFICATION_DOCUMENT_KINDS, "请选择要上传的资质材料"),
  fileName: z.string().max(1000),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, "请选择要上传的文件"),
});
/** `kind` arrives as a form field, so any string is accepted here and checked by the schema. */
export type UploadQualificationDocumentInput = Omit<z.input<typeof uploadQualificationDocumentInput>, "kind"> & { kind: string };

/**
 * Stores one 资质材料 (replacing the one of the same kind). Order matters so nothing is half-saved: the object is written
 * first, then the row in a transaction that re-checks the application is still editable; if that fails the new object
 * is removed, and only after the commit is the replaced object deleted.
 */
export async function uploadQualificationDocument(db: PrismaClient, storage: ObjectStorage, viewer: Viewer, raw: UploadQualificationDocumentInput) {
  // Called from a route handler (multipart), not a tRPC procedure, so the permission is checked here.
  if (!viewer.companyId) throw AppError.forbidden("仅限企业用户使用");
  if (!can(viewer, "outbound.onboarding.manage")) throw AppError.forbidden();
  const scope = { companyId: viewer.companyId };
  const parsed = uploadQualificationDocumentInput.safeParse(raw);
  if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "上传内容有误");
  const input = parsed.data;

  const application = await findLatestApplication(db, scope.companyId);
  if (!application) throw new AppError("BAD_REQUEST", "请先填写申请信息并同意服务条款");
  if (!isEditable(application.status)) throw new AppError("CONFLICT", NOT_EDITABLE_MESSAGES[application.status as "pending" | "approved"]);

  const check = checkDocumentFile(input.bytes);
  if (!check.ok) throw new AppError("BAD_REQUEST", DOCUMENT_CHECK_MESSAGES[check.reason]);

  const key = `qualification/${scope.companyId}/${application.id}/${input.kind}-${randomUUID()}.${check.type.ext}`;
  const fileName = documentFileName(input.fileName, check.type, input.kind);
  await storage.put(key, input.bytes, { contentType: check.type.mimeType });

  let replacedKey: string | null = null;
  let document;
  try {
    document = await db.$transaction(async (tx) => {
      const locked = await lockApplication(tx, application.id);
      if (!locked || !isEditable(locked.status)) {
        throw new AppError("CONFLICT", locked ? NOT_EDITABLE_MESSAGES[locked.status as "pending" | "approved"] : "申请不存在");
      }
      const where = { applicationId_kind: { applicationId: application.id, kind: input.kind } };
      const previous = await tx.qualificationDocument.findUnique({ where, select: { storageKey: true } });
      replacedKey = previous?.storageKey ?? null;
      const data = { storageKey: key, fileName, mimeType: check.type.mimeType, sizeBytes: input.bytes.byteLength, uploadedAt: new Date() };
      return tx.qualificationDocument.upsert({
        where,
        create: { ...data, applicationId: application.id, kind: input.kind },
        update: data,
        select: { id: true, kind: true, fileName: true, mimeType: true, sizeBytes: true, uploadedAt: true },
      });
    });
  } catch (error) {
    await storage.delete(key).catch(() => undefined);
    throw error;
  }
  if (replacedKey && replacedKey !== key) {
    // The row no longer points at it; a failed delete leaves an unreachable object, never a broken document.
    await storage.delete(replacedKey).catch((error) => console.warn("qualification: could not delete replaced object", replacedKey, error));
  }
  return document;
}
