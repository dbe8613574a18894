import { AppError, type AppErrorCode } from "@/server/errors";

const STATUS: Record<AppErrorCode, number> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 400, CONFLICT: 409, BAD_GATEWAY: 502 };

/** Route handlers answer errors the way tRPC does: a JSON body with the zh-CN message and the matching status. */
export function appErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return Response.json({ error: { code: error.code, message: error.message } }, { status: STATUS[error.code] });
  console.error(error);
  return Response.json({ error: { code: "INTERNAL_SERVER_ERROR", message: "服务器开小差了，请稍后重试" } }, { status: 500 });
}
