export type AppErrorCode = "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT" | "BAD_GATEWAY";

/** The one typed error services throw; tRPC maps it once (server/trpc/init.ts). Messages are user-facing zh-CN. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
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
