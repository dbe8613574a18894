import { listFollowUpTasks, listFollowUpTasksInput } from "@/server/services/follow-ups/list-follow-up-tasks";
import { permissionProcedure } from "@/server/trpc/init";

export const listFollowUpTasksProcedure = permissionProcedure("followUps.view")
  .input(listFollowUpTasksInput)
  .query(({ ctx, input }) => listFollowUpTasks(ctx.db, ctx.scope, ctx.viewer, input));
