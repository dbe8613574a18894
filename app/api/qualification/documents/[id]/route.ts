import { getViewer } from "@/server/auth/viewer";
import { appPorts } from "@/server/adapters/app-ports";
import { prisma } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { appErrorResponse, routeParam } from "@/server/http/app-error-response";
import { contentDisposition } from "@/server/http/content-disposition";
import { readQualificationDocument } from "@/server/services/qualification/read-qualification-document";

/** A 资质材料 file for the uploading company or a platform admin: inline for preview, `?download=1` to download. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return appErrorResponse(new AppError("UNAUTHORIZED", "请先登录"));
  try {
    const id = routeParam((await params).id);
    const doc = await readQualificationDocument(prisma, appPorts.storage, viewer, id);
    const download = new URL(request.url).searchParams.get("download") === "1";
    return new Response(new Uint8Array(doc.body), {
      headers: {
        "Content-Type": doc.mimeType,
        "Content-Length": String(doc.body.byteLength),
        "Content-Disposition": contentDisposition(download ? "attachment" : "inline", doc.fileName),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return appErrorResponse(error);
  }
}
