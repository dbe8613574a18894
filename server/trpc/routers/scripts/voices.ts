import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { listVoices } from "@/server/services/scripts/list-voices";

export const voicesProcedure = outboundProcedure("outbound.view").query(({ ctx }) => listVoices(ctx.db));
