import { batchStarted } from "@/server/jobs/events";
import { sendEvents } from "@/server/jobs/send-events";
import { startBatchCall, startBatchCallInput } from "@/server/services/dialer/start-batch-call";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

/** 患者管理 → 批量处理 → 智能外呼 → 开始呼叫. The dialer is nudged at once; its per-minute tick would find the tasks anyway. */
export const startBatchProcedure = outboundProcedure("outbound.calls.start")
  .input(startBatchCallInput)
  .mutation(async ({ ctx, input }) => {
    const result = await startBatchCall(ctx.db, ctx.scope, ctx.viewer, input);
    if (result.queued > 0) {
      await sendEvents(batchStarted.create({ companyId: ctx.scope.companyId, scriptId: input.scriptId, batchId: result.batchId })).catch((error) =>
        console.warn("[outbound] could not nudge the dialer; the next tick will start the batch", error),
      );
    }
    return result;
  });
