export type AppErrorCode = "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT" | "TOO_MANY_REQUESTS" | "BAD_GATEWAY";

/**
 * The one typed error services throw; tRPC maps it once (server/trpc/init.ts). Messages are user-facing zh-CN; `en`
 * where an English reader must understand it too (answered to an English UI).
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly extra: { en?: string; retryAfterSec?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
  }
  static notFound(what = "记录") {
    return new AppError("NOT_FOUND", `${what}不存在或无权访问`);
  }
  static forbidden(message = "没有权限执行此操作") {
    return new AppError("FORBIDDEN", message);
  }
}

/** A short id that ties the generic message a user sees to the details in the server log. */
export function newErrorId(): string {
  return crypto.randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase();
}

/** What any error that is not an AppError (or a validation error) says to the user: nothing about its internals. */
export const internalErrorMessage = (errorId: string) => `服务器内部错误，请稍后重试（错误编号 ${errorId}）`;

/** Logs an unexpected error under a fresh id (server log only) and returns the id for the user-facing message. */
export function logInternalError(where: string, error: unknown): string {
  const errorId = newErrorId();
  console.error(`[${where}] 错误编号 ${errorId}`, error);
  return errorId;
}
