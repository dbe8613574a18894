import { isPlainParam } from "@/server/domain/validation/untrusted-input";
import { AppError, internalErrorMessage, logInternalError, type AppErrorCode } from "@/server/errors";

const STATUS: Record<AppErrorCode, number> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 400, CONFLICT: 409, TOO_MANY_REQUESTS: 429, BAD_GATEWAY: 502 };

/**
 * Route handlers answer errors the way tRPC does: a JSON body with the zh-CN message and the matching status; anything
 * but an AppError is a generic message with an id, its details only in the server log under that id.
 */
export function appErrorResponse(error: unknown, where = "route"): Response {
  if (error instanceof AppError) {
    const { en, retryAfterSec } = error.extra;
    const headers = retryAfterSec ? { "retry-after": String(retryAfterSec) } : undefined;
    return Response.json({ error: { code: error.code, message: error.message, ...(en ? { messageEn: en } : {}) } }, { status: STATUS[error.code], headers });
  }
  const errorId = logInternalError(where, error);
  return Response.json({ error: { code: "INTERNAL_SERVER_ERROR", message: internalErrorMessage(errorId), errorId } }, { status: 500 });
}

/** A dynamic route segment (an id, a hash): plain text or a 400, never a database error. */
export function routeParam(value: string): string {
  if (!isPlainParam(value)) throw new AppError("BAD_REQUEST", "链接中的编号无效");
  return value;
}
