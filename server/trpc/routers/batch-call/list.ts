import { listCallBatches } from "@/server/services/dialer/batch/list-call-batches";
import { listCallBatchesInput } from "@/server/services/dialer/batch/list-call-batches.schema";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

/** 外呼批次: past batch launches with who launched them and their progress. */
export const listCallBatchesProcedure = outboundProcedure("outbound.view")
  .input(listCallBatchesInput)
  .query(({ ctx, input }) => listCallBatches(ctx.db, ctx.scope, input));
