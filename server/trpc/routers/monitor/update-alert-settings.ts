import { updateAlertSettings } from "@/server/services/dialer/monitor/alert-settings";
import { updateAlertSettingsInput } from "@/server/services/dialer/monitor/alert-settings.schema";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

export const monitorUpdateAlertSettingsProcedure = outboundProcedure("outbound.tasks.manage")
  .input(updateAlertSettingsInput)
  .mutation(({ ctx, input }) => updateAlertSettings(ctx.db, ctx.scope, ctx.viewer, input));
