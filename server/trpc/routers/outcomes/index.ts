import { createTRPCRouter } from "@/server/trpc/init";
import { scriptFunnelsProcedure } from "./script-funnels";

export const outcomesRouter = createTRPCRouter({
  scriptFunnels: scriptFunnelsProcedure,
});
