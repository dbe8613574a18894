import { changeCallBatch } from "@/server/services/dialer/batch/change-call-batch";
import { changeCallBatchInput } from "@/server/services/dialer/batch/change-call-batch.schema";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

/** 外呼批次 → 暂停 / 继续 / 取消 one batch. */
export const changeCallBatchProcedure = outboundProcedure("outbound.tasks.manage")
  .input(changeCallBatchInput)
  .mutation(({ ctx, input }) => changeCallBatch(ctx.db, ctx.scope, ctx.viewer, input));
