import { endAbTest, endAbTestInput } from "@/server/services/scripts/variants/end-ab-test";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

/** 结束测试, keeping one variant: a manager's decision (配置话术), audited. */
export const endAbTestProcedure = outboundProcedure("outbound.scripts.manage")
  .input(endAbTestInput)
  .mutation(({ ctx, input }) => endAbTest(ctx.db, ctx.scope, ctx.viewer, input));
