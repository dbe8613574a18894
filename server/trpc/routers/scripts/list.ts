import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { listScripts, listScriptsInput } from "@/server/services/scripts/list-scripts";

export const listScriptsProcedure = outboundProcedure("outbound.view")
  .input(listScriptsInput)
  .query(({ ctx, input }) => listScripts(ctx.db, ctx.scope, input));
