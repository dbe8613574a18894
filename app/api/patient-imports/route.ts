import { appPorts } from "@/server/adapters/app-ports";
import { getViewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { can } from "@/server/domain/auth/permissions";
import { scopeOf } from "@/server/domain/auth/scope";
import { AppError } from "@/server/errors";
import { appErrorResponse } from "@/server/http/app-error-response";
import { BodyTooLargeError, readBodyLimited } from "@/server/http/read-body-limited";
import { MAX_IMPORT_BYTES, uploadPatientImport } from "@/server/services/patients/import/upload-patient-import";
import { enforceUserRateLimit } from "@/server/services/limits/enforce-user-rate-limit";

const MULTIPART_OVERHEAD = 64 * 1024;

/** 导入患者, step 1: multipart field `file` (.xlsx / .csv). Answers the header, preview rows and suggested mapping. */
export async function POST(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return appErrorResponse(new AppError("UNAUTHORIZED", "请先登录"));
  if (!viewer.companyId || !can(viewer, "patients.import")) return appErrorResponse(AppError.forbidden("没有导入患者的权限"));
  try {
    await enforceUserRateLimit(prisma, viewer.userId, "patientImport", new Date());
  } catch (error) {
    return appErrorResponse(error);
  }

  let form: FormData;
  try {
    const body = await readBodyLimited(request.body, MAX_IMPORT_BYTES + MULTIPART_OVERHEAD, request.headers.get("content-length"));
    form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return Response.json({ error: { code: "PAYLOAD_TOO_LARGE", message: "文件超过 12 MB，请拆分后再导入" } }, { status: 413 });
    }
    return appErrorResponse(new AppError("BAD_REQUEST", "上传内容无法识别，请重新选择文件"));
  }
  const file = form.get("file");
  if (!(file instanceof File)) return appErrorResponse(new AppError("BAD_REQUEST", "请选择要导入的文件"));
  try {
    const result = await uploadPatientImport(prisma, appPorts.storage, scopeOf({ ...viewer, companyId: viewer.companyId }), viewer, {
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return Response.json(result);
  } catch (error) {
    return appErrorResponse(error);
  }
}
