import { permissionProcedure } from "@/server/trpc/init";
import { setSmsVendorTemplate, setSmsVendorTemplateInput } from "@/server/services/sms/set-sms-vendor-template";

export const setSmsVendorTemplateProcedure = permissionProcedure("sms.manage")
  .input(setSmsVendorTemplateInput)
  .mutation(({ ctx, input }) => setSmsVendorTemplate(ctx.db, ctx.ports.sms, ctx.scope, ctx.viewer, input));
