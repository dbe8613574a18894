import { z } from "zod";
import { summarizeCallRecords } from "@/server/services/calls/records/summarize-call-records";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

export const summarizeCallRecordsProcedure = outboundProcedure("outbound.records.view")
  .input(z.object({ scriptId: z.string().min(1).optional() }))
  .query(({ ctx, input }) => summarizeCallRecords(ctx.db, ctx.scope, input.scriptId));
