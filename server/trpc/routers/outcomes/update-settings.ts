import { updateOutcomeSettings } from "@/server/services/outcomes/outcome-settings";
import { permissionProcedure } from "@/server/trpc/init";
import { updateOutcomeSettingsInput } from "./update-settings.schema";

/** Saves 归因与成本设置 (company-wide: an admin who sees every clinic). */
export const updateSettingsProcedure = permissionProcedure("outbound.tasks.manage")
  .input(updateOutcomeSettingsInput)
  .mutation(({ ctx, input }) => updateOutcomeSettings(ctx.db, ctx.scope, ctx.viewer, input));
