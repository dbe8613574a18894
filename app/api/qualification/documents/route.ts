import { getViewer } from "@/server/auth/viewer";
import { appPorts } from "@/server/adapters/app-ports";
import { prisma } from "@/server/db/client";
import { DOCUMENT_CHECK_MESSAGES, MAX_DOCUMENT_BYTES } from "@/server/domain/qualification/sniff-file-type";
import { AppError } from "@/server/errors";
import { appErrorResponse } from "@/server/http/app-error-response";
import { BodyTooLargeError, readBodyLimited } from "@/server/http/read-body-limited";
import { uploadQualificationDocument } from "@/server/services/qualification/upload-qualification-document";

/** Room for the multipart boundaries and part headers around one file of at most 10 MB. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** Upload one 资质材料: multipart fields `kind` and `file`. Answers `{ document }` or `{ error: { code, message } }`. */
export async function POST(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return appErrorResponse(new AppError("UNAUTHORIZED", "请先登录"));

  let form: FormData;
  try {
    const body = await readBodyLimited(request.body, MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD, request.headers.get("content-length"));
    form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return Response.json({ error: { code: "PAYLOAD_TOO_LARGE", message: DOCUMENT_CHECK_MESSAGES.tooLarge } }, { status: 413 });
    }
    return appErrorResponse(new AppError("BAD_REQUEST", "上传内容无法识别，请重新选择文件上传"));
  }

  const file = form.get("file");
  if (!(file instanceof File)) return appErrorResponse(new AppError("BAD_REQUEST", "请选择要上传的文件"));
  try {
    const document = await uploadQualificationDocument(prisma, appPorts.storage, viewer, {
      kind: String(form.get("kind") ?? ""),
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return Response.json({ document });
  } catch (error) {
    return appErrorResponse(error);
  }
}
