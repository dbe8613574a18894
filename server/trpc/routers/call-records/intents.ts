import { z } from "zod";
import { listCallRecordIntents } from "@/server/services/calls/records/list-call-record-intents";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

export const listCallRecordIntentsProcedure = outboundProcedure("outbound.records.view")
  .input(z.object({ scriptId: z.string().min(1) }))
  .query(({ ctx, input }) => listCallRecordIntents(ctx.db, ctx.scope, input.scriptId));
