import { z } from "zod";
import { getCallRecord } from "@/server/services/calls/records/get-call-record";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

export const getCallRecordProcedure = outboundProcedure("outbound.records.view")
  .input(z.object({ id: z.string().min(1) }))
  .query(({ ctx, input }) => getCallRecord(ctx.db, ctx.scope, ctx.viewer, input.id));
