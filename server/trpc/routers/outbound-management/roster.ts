import { listScriptRoster, listScriptRosterInput } from "@/server/services/dialer/outbound/list-script-roster";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

/** 客户名单 belongs to 管理外呼任务. */
export const scriptRosterProcedure = outboundProcedure("outbound.tasks.manage")
  .input(listScriptRosterInput)
  .query(({ ctx, input }) => listScriptRoster(ctx.db, ctx.scope, ctx.viewer, input));
