import { z } from "zod";
import { getBatchProgress } from "@/server/services/dialer/batch/get-batch-progress";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

export const batchProgressProcedure = outboundProcedure("outbound.calls.start")
  .input(z.object({ batchId: z.string().min(1) }))
  .query(({ ctx, input }) => getBatchProgress(ctx.db, ctx.scope, input.batchId));
