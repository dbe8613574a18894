import { permissionProcedure } from "@/server/trpc/init";
import { updateSmsTemplate, updateSmsTemplateInput } from "@/server/services/sms/save-sms-template";

export const updateSmsTemplateProcedure = permissionProcedure("sms.manage")
  .input(updateSmsTemplateInput)
  .mutation(({ ctx, input }) => updateSmsTemplate(ctx.db, ctx.scope, ctx.viewer, input));
