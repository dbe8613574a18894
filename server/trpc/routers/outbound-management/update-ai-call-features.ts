import { updateAiCallFeatures } from "@/server/services/vendor/ai-call-features";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { updateAiCallFeaturesInput } from "./update-ai-call-features.schema";

export const updateAiCallFeaturesProcedure = outboundProcedure("outbound.tasks.manage")
  .input(updateAiCallFeaturesInput)
  .mutation(({ ctx, input }) => updateAiCallFeatures(ctx.db, ctx.scope, ctx.viewer, input));
