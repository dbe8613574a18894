import { tracked } from "@trpc/server";
import { platformStreamInput, streamPlatformMonitor } from "@/server/services/dialer/monitor/stream-platform-monitor";
import { appNow } from "@/server/env";
import { platformAdminProcedure } from "@/server/trpc/init";

/** 平台实时监控 pushed over Server-Sent Events like the company's, woken by the dialer's NOTIFY of any company. */
export const monitorPlatformLiveProcedure = platformAdminProcedure
  .input(platformStreamInput)
  .subscription(async function* ({ ctx, signal }) {
    for await (const view of streamPlatformMonitor(ctx.db, { activity: ctx.dialerActivity ?? null, signal, clock: appNow })) {
      yield tracked(String(view.at.getTime()), view);
    }
  });
