import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { updateScriptInput } from "@/server/services/scripts/script-input";
import { updateScript } from "@/server/services/scripts/update-script";

export const updateScriptProcedure = outboundProcedure("outbound.scripts.manage")
  .input(updateScriptInput)
  .mutation(({ ctx, input }) => updateScript(ctx.db, ctx.scope, ctx.viewer, input));
