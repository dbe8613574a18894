import { funnelInput, getFunnel } from "@/server/services/outcomes/get-funnel";
import { permissionProcedure } from "@/server/trpc/init";

/** 效果分析 / 详情 / journey node: the funnel and its weekly trend for a cut (script, clinic, batch, journey, node) and dates. */
export const funnelProcedure = permissionProcedure("outbound.view")
  .input(funnelInput)
  .query(({ ctx, input }) => getFunnel(ctx.db, ctx.scope, input));
