import { createTRPCRouter } from "@/server/trpc/init";
import { abTestsProcedure } from "./ab-tests";
import { funnelProcedure } from "./funnel";
import { scriptFunnelsProcedure } from "./script-funnels";
import { settingsProcedure } from "./settings";
import { updateSettingsProcedure } from "./update-settings";
import { variantTestProcedure } from "./variant-test";

export const outcomesRouter = createTRPCRouter({
  scriptFunnels: scriptFunnelsProcedure,
  funnel: funnelProcedure,
  abTests: abTestsProcedure,
  variantTest: variantTestProcedure,
  settings: settingsProcedure,
  updateSettings: updateSettingsProcedure,
});
