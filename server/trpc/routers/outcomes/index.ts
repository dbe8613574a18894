import { createTRPCRouter } from "@/server/trpc/init";
import { abTestsProcedure } from "./ab-tests";
import { scriptFunnelsProcedure } from "./script-funnels";
import { variantTestProcedure } from "./variant-test";

export const outcomesRouter = createTRPCRouter({
  scriptFunnels: scriptFunnelsProcedure,
  abTests: abTestsProcedure,
  variantTest: variantTestProcedure,
});
