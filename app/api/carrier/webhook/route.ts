import { appPorts } from "@/server/adapters/app-ports";
import { prisma } from "@/server/db/client";
import { BodyTooLargeError, readBodyLimited } from "@/server/http/read-body-limited";
import { InvalidCallback } from "@/server/ports/carrier";
import { dispatchCarrierJobs } from "@/server/services/calls/carrier/dispatch-carrier-jobs";
import { ingestCarrierEvents } from "@/server/services/calls/carrier/ingest-carrier-events";

const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * Carrier pushes (results, recordings, progress), at least once and in any order. Verifies the signature and replay
 * window (401 otherwise; 400 for a signed but unreadable body), records each event once, and hands new ones to the
 * jobs — nothing else, so it answers fast.
 */
export async function POST(request: Request) {
  let raw: string;
  try {
    raw = new TextDecoder().decode(await readBodyLimited(request.body, MAX_BODY_BYTES, request.headers.get("content-length")));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return Response.json({ ok: false, error: "payload too large" }, { status: 413 });
    throw error;
  }
  let events;
  try {
    events = await appPorts.carrier.parseCallback(request.headers, raw, new URL(request.url));
  } catch (error) {
    if (error instanceof InvalidCallback) {
      const status = error.problem === "payload" ? 400 : 401;
      // A refused signature says only that: which check failed goes to the server log, not to a prober.
      if (status === 401) console.warn(`[carrier webhook] refused: ${error.message}`);
      const message = status === 401 ? "unauthorized" : error.message;
      return Response.json({ ok: false, error: message, ErrCode: status, ErrMsg: message }, { status });
    }
    throw error;
  }
  const result = await ingestCarrierEvents(prisma, events, dispatchCarrierJobs);
  // ErrCode/ErrMsg: Tencent CCC's data push reads them (ErrCode 0 = received; anything else is pushed again).
  return Response.json({ ok: true, ErrCode: 0, ErrMsg: "ok", ...result });
}
