import { saveScriptVariants, saveScriptVariantsInput } from "@/server/services/scripts/variants/save-script-variants";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

/** A/B 测试: setting a script's variants is script configuration (配置话术). */
export const saveVariantsProcedure = outboundProcedure("outbound.scripts.manage")
  .input(saveScriptVariantsInput)
  .mutation(({ ctx, input }) => saveScriptVariants(ctx.db, ctx.scope, ctx.viewer, input));
