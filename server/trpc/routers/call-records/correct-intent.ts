import { correctCallIntent, correctCallIntentInput } from "@/server/services/calls/records/correct-call-intent";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

/** 人工修正 of a call's 客户意向: a manager's action (管理外呼任务). */
export const correctCallIntentProcedure = outboundProcedure("outbound.tasks.manage")
  .input(correctCallIntentInput)
  .mutation(({ ctx, input }) => correctCallIntent(ctx.db, ctx.scope, ctx.viewer, input));
