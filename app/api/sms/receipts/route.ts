import { appPorts } from "@/server/adapters/app-ports";
import { prisma } from "@/server/db/client";
import { BodyTooLargeError, readBodyLimited } from "@/server/http/read-body-limited";
import { InvalidSmsCallback } from "@/server/ports/sms";
import { applySmsReceipts } from "@/server/services/sms/apply-sms-receipts";

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * SMS delivery receipts (Tencent 短信下发状态回调: a JSON array, answered with `{"result":0,"errmsg":"OK"}`).
 * Authenticated by the provider adapter (401 otherwise), applied idempotently.
 */
export async function POST(request: Request) {
  const sms = appPorts.sms;
  if (!sms.parseReceipts) return Response.json({ result: 1, errmsg: "this SMS provider sends no receipts" }, { status: 404 });
  let raw: string;
  try {
    raw = new TextDecoder().decode(await readBodyLimited(request.body, MAX_BODY_BYTES, request.headers.get("content-length")));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return Response.json({ result: 1, errmsg: "payload too large" }, { status: 413 });
    throw error;
  }
  let receipts;
  try {
    receipts = sms.parseReceipts(request.headers, raw, new URL(request.url));
  } catch (error) {
    if (error instanceof InvalidSmsCallback) {
      if (error.problem !== "payload") console.warn(`[sms receipts] refused: ${error.message}`);
      return Response.json({ result: 1, errmsg: error.problem === "payload" ? error.message : "unauthorized" }, { status: error.problem === "payload" ? 400 : 401 });
    }
    throw error;
  }
  const applied = await applySmsReceipts(prisma, receipts);
  return Response.json({ result: 0, errmsg: "OK", ...applied });
}
