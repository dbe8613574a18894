import { getStorage } from "@/server/adapters/storage";
import { getViewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { can } from "@/server/domain/auth/permissions";
import { AppError } from "@/server/errors";
import { appErrorResponse } from "@/server/http/app-error-response";
import { parseByteRange } from "@/server/http/byte-range";
import { contentDisposition } from "@/server/http/content-disposition";
import { loadCallRecording } from "@/server/services/calls/records/load-call-recording";
import { readRecordingAudio } from "@/server/services/calls/records/read-recording-audio";
import { assertOutboundEnabled } from "@/server/services/dialer/outbound/load-outbound-access";

/**
 * A call's recording (mp3): inline for the detail dialog's player (with byte ranges, so it can seek), `?download=1` to
 * save it as 「客户姓名 YYYY-MM-DD HH_mm_ss外呼录音.mp3」. Only with 播放/下载录音, only for the caller's clinics.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const viewer = await getViewer();
    if (!viewer) throw new AppError("UNAUTHORIZED", "请先登录");
    if (!viewer.companyId) throw AppError.forbidden("仅限企业用户使用");
    if (!can(viewer, "outbound.recordings.play")) throw AppError.forbidden("没有播放/下载录音的权限");
    await assertOutboundEnabled(prisma, viewer.companyId);
    const { id } = await params;
    const recording = await loadCallRecording(prisma, { companyId: viewer.companyId, clinicIds: viewer.clinicIds }, id);
    const object = await readRecordingAudio(prisma, getStorage(), id, recording);
    if (!object) throw AppError.notFound("录音文件");

    const download = new URL(request.url).searchParams.get("download") === "1";
    const headers = new Headers({
      "Content-Type": recording.mimeType,
      "Content-Disposition": contentDisposition(download ? "attachment" : "inline", recording.fileName),
      "Accept-Ranges": "bytes",
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    });
    const size = object.body.byteLength;
    const range = download ? null : parseByteRange(request.headers.get("range"), size);
    if (range === "unsatisfiable") {
      headers.set("Content-Range", `bytes */${size}`);
      return new Response(null, { status: 416, headers });
    }
    if (range) {
      headers.set("Content-Range", `bytes ${range.start}-${range.end}/${size}`);
      headers.set("Content-Length", String(range.end - range.start + 1));
      return new Response(new Uint8Array(object.body.subarray(range.start, range.end + 1)), { status: 206, headers });
    }
    headers.set("Content-Length", String(size));
    return new Response(new Uint8Array(object.body), { headers });
  } catch (error) {
    return appErrorResponse(error);
  }
}
