import { completeFollowUpTask, completeFollowUpTaskInput } from "@/server/services/follow-ups/complete-follow-up-task";
import { permissionProcedure } from "@/server/trpc/init";

/** 完成回访任务 with its result: whoever works the list (回随访记录) may complete a task of their clinics. */
export const completeFollowUpTaskProcedure = permissionProcedure("followUps.view")
  .input(completeFollowUpTaskInput)
  .mutation(({ ctx, input }) => completeFollowUpTask(ctx.db, ctx.scope, ctx.viewer, input));
