import { getCallAnalysisJob, getCallAnalysisJobInput } from "@/server/services/calls/analysis/get-call-analysis-job";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

export const callAnalysisJobProcedure = outboundProcedure("outbound.records.view")
  .input(getCallAnalysisJobInput)
  .query(({ ctx, input }) => getCallAnalysisJob(ctx.db, ctx.scope, input));
