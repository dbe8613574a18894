import { z } from "zod";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { listCallableScripts } from "@/server/services/scripts/list-callable-scripts";

export const callableScriptsProcedure = outboundProcedure("outbound.view")
  .input(z.object({ forJourney: z.boolean().default(false), clinicId: z.string().optional() }).default({ forJourney: false }))
  .query(({ ctx, input }) => listCallableScripts(ctx.db, ctx.scope, input));
