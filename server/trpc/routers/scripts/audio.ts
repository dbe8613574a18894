import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { renderScriptAudio, scriptAudioInput } from "@/server/services/audio/script-audio";
import { rateLimited } from "@/server/trpc/init";

/** 立即试听: renders (or reuses) the fixed script's audio and returns its URL. */
export const scriptAudioProcedure = outboundProcedure("outbound.view")
  .input(scriptAudioInput)
  .use(rateLimited("scriptAudio"))
  .mutation(({ ctx, input }) => renderScriptAudio(ctx.db, ctx.scope, input, ctx.ports));
