import { getPlatformMonitor } from "@/server/services/dialer/monitor/get-platform-monitor";
import { appNow } from "@/server/env";
import { platformAdminProcedure } from "@/server/trpc/init";

/** 平台实时监控: every company's calling now (platform admins only; no company data beyond the figures). */
export const monitorPlatformProcedure = platformAdminProcedure.query(({ ctx }) => getPlatformMonitor(ctx.db, appNow()));
