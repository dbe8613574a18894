import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import { can, type Permission, type Viewer } from "@/server/domain/auth/permissions";
import { scopeOf } from "@/server/domain/auth/scope";
import { untrustedInputProblem } from "@/server/domain/validation/untrusted-input";
import { AppError, internalErrorMessage, logInternalError } from "@/server/errors";
import type { RateLimitedAction } from "@/server/domain/limits/user-rate-limits";
import { enforceUserRateLimit } from "@/server/services/limits/enforce-user-rate-limit";
import type { Locale } from "@/server/i18n/locales";
import type { OutboundAccessState } from "@/server/domain/outbound/outbound-access";
import type { AppPorts } from "@/server/ports/app-ports";
import type { DialerActivity } from "@/server/services/dialer/monitor/stream-monitor-snapshots";

export interface Context {
  db: PrismaClient;
  viewer: Viewer | null;
  /** The outside systems services are handed (storage, TTS, the script generator …), composed in context.ts. */
  ports: AppPorts;
  /** The dialer's writes of every app process, as this process hears them (LISTEN); absent: 实时监控 refreshes on a timer. */
  dialerActivity?: DialerActivity | null;
  /** The company's 智能外呼 access from the process's cache (server/auth/outbound-access-cache.ts); absent: read per call. */
  outboundAccess?: (companyId: string) => Promise<OutboundAccessState>;
  /** The UI's language (the `locale` cookie): an AppError with an English message answers an English UI in English. */
  locale?: Locale;
}

// zod's own messages (a field of the wrong type, an unknown option) in zh-CN like ours, not English in a Chinese UI.
z.config(z.locales.zhCN());

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  /**
   * Our own errors (AppError, mapped below) and deliberate TRPCErrors pass through; a validation error says its first
   * message (zh-CN in our schemas) and keeps the field errors for forms; anything else — a Prisma error naming the call
   * and the database's complaint, a bug — becomes one generic message with an id, the details only in the server log.
   */
  errorFormatter({ shape, error, path, ctx }) {
    if (error.code === "INTERNAL_SERVER_ERROR") {
      const errorId = logInternalError(`trpc ${path ?? "?"}`, error.cause ?? error);
      return { ...shape, message: internalErrorMessage(errorId), data: { ...shape.data, zodError: null, stack: undefined, errorId } };
    }
    if (error.cause instanceof AppError) {
      const { en, retryAfterSec } = error.cause.extra;
      const message = ctx?.locale === "en" && en ? en : shape.message;
      return { ...shape, message, data: { ...shape.data, zodError: null, stack: undefined, ...(retryAfterSec ? { retryAfterSec } : {}) } };
    }
    const zod = error.cause instanceof ZodError ? error.cause : null;
    const message = zod?.issues[0]?.message ?? shape.message;
    return { ...shape, message, data: { ...shape.data, zodError: zod ? zod.flatten() : null, stack: undefined } };
  },
});

/**
 * Maps the one domain error type to tRPC codes, once, for every procedure; a ZodError a service threw (its own
 * `schema.parse`) is a bad request like the input validation's. Input with control characters (a NUL byte PostgreSQL
 * refuses) or absurd sizes is refused before any procedure runs.
 */
const mapAppErrors = t.middleware(async ({ next, getRawInput }) => {
  const problem = untrustedInputProblem(await getRawInput());
  if (problem) throw new TRPCError({ code: "BAD_REQUEST", message: problem });
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && result.error.cause instanceof ZodError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: "BAD_REQUEST", message: cause.issues[0]?.message ?? "输入无效", cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapAppErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "请先登录" });
  return next({ ctx: { ...ctx, viewer: ctx.viewer } });
});

/** A company member (platform admins have no tenant). Exposes `scope` for every tenant query. */
export const companyProcedure = authedProcedure.use(({ ctx, next }) => {
  const { companyId } = ctx.viewer;
  if (!companyId) throw new TRPCError({ code: "FORBIDDEN", message: "仅限企业用户使用" });
  return next({ ctx: { ...ctx, scope: scopeOf({ ...ctx.viewer, companyId }) } });
});

export const permissionProcedure = (permission: Permission) =>
  companyProcedure.use(({ ctx, next }) => {
    if (!can(ctx.viewer, permission)) throw new TRPCError({ code: "FORBIDDEN", message: "没有权限执行此操作" });
    return next();
  });

/** Counts the call against the caller's per-minute limit of an expensive action (USER_RATE_LIMITS) before it runs. */
export const rateLimited = (action: RateLimitedAction) =>
  t.middleware(async ({ ctx, next }) => {
    if (ctx.viewer) await enforceUserRateLimit(ctx.db, ctx.viewer.userId, action, new Date());
    return next();
  });

export const platformAdminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer.isPlatformAdmin) throw new TRPCError({ code: "FORBIDDEN", message: "仅平台管理员可操作" });
  return next();
});
