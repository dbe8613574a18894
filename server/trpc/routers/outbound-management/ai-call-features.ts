import { getAiCallFeatures } from "@/server/services/vendor/ai-call-features";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { aiCallFeaturesInput } from "./ai-call-features.schema";

/** 外呼管理 → AI 通话功能: the company's vendor call features and each clinic's front-desk transfer target. */
export const aiCallFeaturesProcedure = outboundProcedure("outbound.view")
  .input(aiCallFeaturesInput)
  .query(({ ctx }) => getAiCallFeatures(ctx.db, ctx.scope, ctx.ports.carrier));
