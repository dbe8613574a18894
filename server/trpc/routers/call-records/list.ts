import { listCallRecords, listCallRecordsInput } from "@/server/services/calls/records/list-call-records";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

export const listCallRecordsProcedure = outboundProcedure("outbound.records.view")
  .input(listCallRecordsInput)
  .query(({ ctx, input }) => listCallRecords(ctx.db, ctx.scope, ctx.viewer, input));
