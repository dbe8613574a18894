import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { listScriptTemplates, listScriptTemplatesInput } from "@/server/services/scripts/list-script-templates";

export const scriptTemplatesProcedure = outboundProcedure("outbound.view")
  .input(listScriptTemplatesInput)
  .query(({ ctx, input }) => listScriptTemplates(ctx.db, ctx.scope, input));
