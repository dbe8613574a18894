import { listCallRecordFilterOptions } from "@/server/services/calls/records/list-call-record-filter-options";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

export const callRecordFilterOptionsProcedure = outboundProcedure("outbound.records.view").query(({ ctx }) =>
  listCallRecordFilterOptions(ctx.db, ctx.scope),
);
