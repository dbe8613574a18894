import { permissionProcedure } from "@/server/trpc/init";
import { getOutboundOverview } from "@/server/services/dialer/outbound/get-outbound-overview";

export const outboundOverviewProcedure = permissionProcedure("outbound.view").query(({ ctx }) =>
  getOutboundOverview(ctx.db, ctx.scope, new Date()),
);
