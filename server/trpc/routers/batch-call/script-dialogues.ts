import { z } from "zod";
import { AppError } from "@/server/errors";
import { getScriptDialogues } from "@/server/services/scripts/get-script-dialogues";
import { visibleScript } from "@/server/services/scripts/visible-script";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

/** The eye button: an AI script's scenario dialogues (the fixed ones are listened to instead). */
export const batchScriptDialoguesProcedure = outboundProcedure("outbound.calls.start")
  .input(z.object({ scriptId: z.string().min(1) }))
  .query(async ({ ctx, input }) => {
    const script = await ctx.db.script.findFirst({ where: { id: input.scriptId, ...visibleScript(ctx.scope) }, select: { id: true } });
    if (!script) throw AppError.notFound("话术");
    return getScriptDialogues(ctx.db, ctx.scope.companyId, script.id);
  });
