import { tracked } from "@trpc/server";
import { dialerActivityListener } from "@/server/db/dialer-activity";
import { databaseUrl } from "@/server/env";
import { monitorStreamInput, streamMonitorSnapshots } from "@/server/services/dialer/monitor/stream-monitor-snapshots";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

/** 实时监控 pushed over Server-Sent Events (httpSubscriptionLink), woken by the dialer's NOTIFY of any app process. */
export const monitorLiveProcedure = outboundProcedure("outbound.view")
  .input(monitorStreamInput)
  .subscription(async function* ({ ctx, input, signal }) {
    const listener = dialerActivityListener(databaseUrl());
    const activity = listener ? (fn: (companyId: string) => void) => listener.subscribe(fn) : null;
    for await (const snapshot of streamMonitorSnapshots(ctx.db, ctx.scope, input, { activity, signal })) {
      yield tracked(String(snapshot.at.getTime()), snapshot);
    }
  });
