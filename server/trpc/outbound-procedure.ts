import type { OutboundPermission } from "@/server/domain/auth/permissions";
import { assertOutboundEnabled } from "@/server/services/dialer/outbound/load-outbound-access";
import { permissionProcedure } from "./init";

/**
 * The builder for every 智能外呼 capability (scripts, calling, outbound management, call records, the journey call node):
 * `permissionProcedure(permission)` plus "the company's qualification has been approved". Before approval the caller gets
 * FORBIDDEN with the reason in zh-CN. Placing a call from a clinic additionally needs `assertClinicOpened`
 * (server/services/dialer/outbound/load-outbound-access.ts).
 */
export const outboundProcedure = (permission: OutboundPermission) =>
  permissionProcedure(permission).use(async ({ ctx, next }) => {
    await assertOutboundEnabled(ctx.db, ctx.scope.companyId, ctx.outboundAccess);
    return next();
  });
