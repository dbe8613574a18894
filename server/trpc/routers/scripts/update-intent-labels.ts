import { updateIntentLabels, updateIntentLabelsInput } from "@/server/services/scripts/update-intent-labels";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

/** 意向标签: renaming and adding a script's intent labels is script configuration (配置话术). */
export const updateIntentLabelsProcedure = outboundProcedure("outbound.scripts.manage")
  .input(updateIntentLabelsInput)
  .mutation(({ ctx, input }) => updateIntentLabels(ctx.db, ctx.scope, ctx.viewer, input));
