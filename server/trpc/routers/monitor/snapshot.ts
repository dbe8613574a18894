import { getMonitorSnapshot, monitorSnapshotInput } from "@/server/services/dialer/monitor/get-monitor-snapshot";
import { appNow } from "@/server/env";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

export const monitorSnapshotProcedure = outboundProcedure("outbound.view")
  .input(monitorSnapshotInput)
  .query(({ ctx, input }) => getMonitorSnapshot(ctx.db, ctx.scope, input, appNow()));
