import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { generateScriptPreview, generateScriptPreviewInput } from "@/server/services/scripts/generate-script-preview";

export const generateScriptProcedure = outboundProcedure("outbound.scripts.manage")
  .input(generateScriptPreviewInput)
  .mutation(({ ctx, input }) => generateScriptPreview(ctx.db, ctx.scope, input, ctx.ports.llm));
