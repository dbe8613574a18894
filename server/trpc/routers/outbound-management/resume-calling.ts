import { resumeCalling } from "@/server/services/dialer/outbound/resume-calling";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { resumeCallingInput } from "./resume-calling.schema";

export const resumeCallingProcedure = outboundProcedure("outbound.tasks.manage")
  .input(resumeCallingInput)
  .mutation(({ ctx }) => resumeCalling(ctx.db, ctx.scope, ctx.viewer, new Date()));
