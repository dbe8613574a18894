import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { createScript } from "@/server/services/scripts/create-script";
import { createScriptInput } from "@/server/services/scripts/script-input";

export const createScriptProcedure = outboundProcedure("outbound.scripts.manage")
  .input(createScriptInput)
  .mutation(({ ctx, input }) => createScript(ctx.db, ctx.scope, ctx.viewer, input));
