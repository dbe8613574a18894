import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { changeScriptStatus, changeScriptStatusInput } from "@/server/services/scripts/change-script-status";

/** 启用 / 暂停 / 停用 belong to 外呼管理 (outbound.tasks.manage). */
export const enableScriptProcedure = outboundProcedure("outbound.tasks.manage")
  .input(changeScriptStatusInput)
  .mutation(({ ctx, input }) => changeScriptStatus(ctx.db, ctx.scope, ctx.viewer, "enable", input));
