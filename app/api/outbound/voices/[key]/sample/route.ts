import { appPorts } from "@/server/adapters/app-ports";
import { prisma } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { audioResponse } from "@/server/http/audio-response";
import { appErrorResponse } from "@/server/http/app-error-response";
import { requireOutboundViewer } from "@/server/auth/require-outbound-viewer";
import { getVoiceSample } from "@/server/services/audio/voice-sample";

/** A voice's 试听 sample, synthesised on first request. */
export async function GET(request: Request, { params }: { params: Promise<{ key: string }> }) {
  try {
    await requireOutboundViewer("outbound.view");
    const { key } = await params;
    const sample = /^[a-z0-9-]{1,40}$/.test(key) ? await getVoiceSample(prisma, appPorts, key) : null;
    if (!sample) throw AppError.notFound("音色");
    return audioResponse(request, sample.body, { contentType: sample.contentType });
  } catch (error) {
    return appErrorResponse(error);
  }
}
