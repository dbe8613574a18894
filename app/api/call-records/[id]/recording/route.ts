import { appPorts } from "@/server/adapters/app-ports";
import { requireOutboundViewer } from "@/server/auth/require-outbound-viewer";
import { prisma } from "@/server/db/client";
import { scopeOf } from "@/server/domain/auth/scope";
import { AppError } from "@/server/errors";
import { appErrorResponse, routeParam } from "@/server/http/app-error-response";
import { audioResponse } from "@/server/http/audio-response";
import { loadCallRecording } from "@/server/services/calls/records/load-call-recording";
import { readRecordingAudio } from "@/server/services/calls/records/read-recording-audio";

/**
 * A call's recording (mp3): inline for the detail dialog's player (with byte ranges, so it can seek), `?download=1` to
 * save it as 「客户姓名 YYYY-MM-DD HH_mm_ss外呼录音.mp3」. `?track=<id>` serves one participant's track instead (a call
 * whose carrier gave no whole-call recording), named with its side. Only with 播放/下载录音, only for the caller's clinics.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const viewer = await requireOutboundViewer("outbound.recordings.play", "没有播放/下载录音的权限");
    const id = routeParam((await params).id);
    const query = new URL(request.url).searchParams;
    const recording = await loadCallRecording(prisma, scopeOf(viewer), id, query.get("track"));
    const object = await readRecordingAudio(prisma, appPorts, id, recording);
    if (!object) throw AppError.notFound("录音文件");
    const download = query.get("download") === "1";
    return audioResponse(request, object.body, {
      contentType: recording.mimeType,
      cache: "no-store",
      disposition: { type: download ? "attachment" : "inline", fileName: recording.fileName },
    });
  } catch (error) {
    return appErrorResponse(error);
  }
}
