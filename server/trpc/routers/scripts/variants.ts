import { getScriptVariants, scriptVariantsInput } from "@/server/services/scripts/variants/get-script-variants";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

/** A/B 测试: a script's variants. */
export const variantsProcedure = outboundProcedure("outbound.view")
  .input(scriptVariantsInput)
  .query(({ ctx, input }) => getScriptVariants(ctx.db, ctx.scope, input));
