import { startCallAnalysis, startCallAnalysisInput } from "@/server/services/calls/analysis/start-call-analysis";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { rateLimited } from "@/server/trpc/init";

/** 重新分析 one call or a script's calls: a manager's action (管理外呼任务). */
export const reanalyzeCallsProcedure = outboundProcedure("outbound.tasks.manage")
  .input(startCallAnalysisInput)
  .use(rateLimited("reanalyze"))
  .mutation(({ ctx, input }) => startCallAnalysis(ctx.db, ctx.scope, ctx.viewer, input));
