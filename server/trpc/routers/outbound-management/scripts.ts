import { listManagedScripts, listManagedScriptsInput } from "@/server/services/dialer/outbound/list-managed-scripts";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

export const listManagedScriptsProcedure = outboundProcedure("outbound.view")
  .input(listManagedScriptsInput)
  .query(({ ctx, input }) => listManagedScripts(ctx.db, ctx.scope, input));
