import { z } from "zod";
import { getManagedScript } from "@/server/services/dialer/outbound/get-managed-script";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

export const managedScriptDetailProcedure = outboundProcedure("outbound.view")
  .input(z.object({ id: z.string().min(1) }))
  .query(({ ctx, input }) => getManagedScript(ctx.db, ctx.scope, input.id, new Date()));
