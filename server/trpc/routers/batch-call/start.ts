import { startBatchCall, startBatchCallInput } from "@/server/services/dialer/batch/start-batch-call";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { rateLimited } from "@/server/trpc/init";

/** 患者管理 → 批量处理 → 智能外呼 → 开始呼叫. */
export const startBatchCallProcedure = outboundProcedure("outbound.calls.start")
  .input(startBatchCallInput)
  .use(rateLimited("batchStart"))
  .mutation(({ ctx, input }) => startBatchCall(ctx.db, ctx.scope, ctx.viewer, input));
