import { undoCallOptOut, undoCallOptOutInput } from "@/server/services/calls/records/undo-call-opt-out";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

/** 撤销禁呼 of the number a call put on the opt-out list: a manager's action (管理外呼任务). */
export const undoCallOptOutProcedure = outboundProcedure("outbound.tasks.manage")
  .input(undoCallOptOutInput)
  .mutation(({ ctx, input }) => undoCallOptOut(ctx.db, ctx.scope, ctx.viewer, input));
