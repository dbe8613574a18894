import { tracked } from "@trpc/server";
import { monitorStreamInput, streamMonitorSnapshots } from "@/server/services/dialer/monitor/stream-monitor-snapshots";
import { appNow } from "@/server/env";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

/** 实时监控 pushed over Server-Sent Events (httpSubscriptionLink), woken by the dialer's NOTIFY of any app process. */
export const monitorLiveProcedure = outboundProcedure("outbound.view")
  .input(monitorStreamInput)
  .subscription(async function* ({ ctx, input, signal }) {
    for await (const snapshot of streamMonitorSnapshots(ctx.db, ctx.scope, input, { activity: ctx.dialerActivity ?? null, signal, clock: appNow })) {
      yield tracked(String(snapshot.at.getTime()), snapshot);
    }
  });
