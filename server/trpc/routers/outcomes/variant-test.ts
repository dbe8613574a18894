import { getVariantTest, variantTestInput } from "@/server/services/outcomes/get-variant-test";
import { permissionProcedure } from "@/server/trpc/init";

/** 效果分析: one script's A/B test — each variant's funnel, intervals and the significance of the difference. */
export const variantTestProcedure = permissionProcedure("outbound.view")
  .input(variantTestInput)
  .query(({ ctx, input }) => getVariantTest(ctx.db, ctx.scope, input));
