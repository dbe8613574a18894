import { previewBatchCall } from "@/server/services/dialer/batch/preview-batch-call";
import { startBatchCallInput } from "@/server/services/dialer/batch/start-batch-call";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

/** 开始呼叫's dry run: called now / queued / deferred / intercepted / refused, by rule and reason. */
export const previewBatchCallProcedure = outboundProcedure("outbound.calls.start")
  .input(startBatchCallInput)
  .query(({ ctx, input }) => previewBatchCall(ctx.db, ctx.scope, input));
