import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { generateScriptPreview, generateScriptPreviewInput } from "@/server/services/scripts/generate-script-preview";
import { rateLimited } from "@/server/trpc/init";

export const generateScriptProcedure = outboundProcedure("outbound.scripts.manage")
  .input(generateScriptPreviewInput)
  .use(rateLimited("scriptGenerate"))
  .mutation(({ ctx, input }) => generateScriptPreview(ctx.db, ctx.scope, input, ctx.ports.llm));
