import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import { can, type Permission, type Viewer } from "@/server/domain/auth/permissions";
import { scopeOf } from "@/server/domain/auth/scope";
import { AppError } from "@/server/errors";
import type { AppPorts } from "@/server/ports/app-ports";
import type { DialerActivity } from "@/server/services/dialer/monitor/stream-monitor-snapshots";

export interface Context {
  db: PrismaClient;
  viewer: Viewer | null;
  /** The outside systems services are handed (storage, TTS, the script generator …), composed in context.ts. */
  ports: AppPorts;
  /** The dialer's writes of every app process, as this process hears them (LISTEN); absent: 实时监控 refreshes on a timer. */
  dialerActivity?: DialerActivity | null;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause.flatten() : null;
    return { ...shape, data: { ...shape.data, zodError: zod, stack: undefined } };
  },
});

/** Maps the one domain error type to tRPC codes, once, for every procedure. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
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

export const platformAdminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer.isPlatformAdmin) throw new TRPCError({ code: "FORBIDDEN", message: "仅平台管理员可操作" });
  return next();
});
