import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { changeScriptStatus, changeScriptStatusInput } from "@/server/services/scripts/change-script-status";

export const stopScriptProcedure = outboundProcedure("outbound.tasks.manage")
  .input(changeScriptStatusInput)
  .mutation(({ ctx, input }) => changeScriptStatus(ctx.db, ctx.scope, ctx.viewer, "stop", input));
