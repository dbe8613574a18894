import { summarizeCallRecords, summarizeCallRecordsInput } from "@/server/services/calls/records/summarize-call-records";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

export const summarizeCallRecordsProcedure = outboundProcedure("outbound.records.view")
  .input(summarizeCallRecordsInput)
  .query(({ ctx, input }) => summarizeCallRecords(ctx.db, ctx.scope, input));
