import { appPorts } from "@/server/adapters/app-ports";
import { AppError } from "@/server/errors";
import { audioResponse } from "@/server/http/audio-response";
import { appErrorResponse, routeParam } from "@/server/http/app-error-response";
import { requireOutboundViewer } from "@/server/auth/require-outbound-viewer";
import { readScriptAudio } from "@/server/services/audio/script-audio";

/** A fixed script's rendered audio (立即试听), made by the scripts.audio procedure; only the caller's company's. */
export async function GET(request: Request, { params }: { params: Promise<{ hash: string }> }) {
  try {
    const viewer = await requireOutboundViewer("outbound.view");
    const hash = routeParam((await params).hash);
    const object = await readScriptAudio(appPorts.storage, viewer.companyId, hash);
    if (!object) throw AppError.notFound("音频");
    return audioResponse(request, object.body, { contentType: object.contentType });
  } catch (error) {
    return appErrorResponse(error);
  }
}
