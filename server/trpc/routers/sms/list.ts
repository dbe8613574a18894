import { permissionProcedure } from "@/server/trpc/init";
import { listSmsTemplates, listSmsTemplatesInput } from "@/server/services/sms/list-sms-templates";

export const listSmsTemplatesProcedure = permissionProcedure("sms.manage")
  .input(listSmsTemplatesInput)
  .query(({ ctx, input }) => listSmsTemplates(ctx.db, ctx.scope, input));
