import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { getScript, getScriptInput } from "@/server/services/scripts/get-script";

export const scriptByIdProcedure = outboundProcedure("outbound.view")
  .input(getScriptInput)
  .query(({ ctx, input }) => getScript(ctx.db, ctx.scope, input));
