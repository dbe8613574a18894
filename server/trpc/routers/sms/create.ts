import { permissionProcedure } from "@/server/trpc/init";
import { createSmsTemplate, createSmsTemplateInput } from "@/server/services/sms/save-sms-template";

export const createSmsTemplateProcedure = permissionProcedure("sms.manage")
  .input(createSmsTemplateInput)
  .mutation(({ ctx, input }) => createSmsTemplate(ctx.db, ctx.scope, ctx.viewer, input));
