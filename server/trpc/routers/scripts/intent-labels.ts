import { getIntentLabels, getIntentLabelsInput } from "@/server/services/scripts/get-intent-labels";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

export const intentLabelsProcedure = outboundProcedure("outbound.view")
  .input(getIntentLabelsInput)
  .query(({ ctx, input }) => getIntentLabels(ctx.db, ctx.scope, input));
