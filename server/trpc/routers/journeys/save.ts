import { permissionProcedure } from "@/server/trpc/init";
import { saveJourneyGraph, saveJourneyGraphInput } from "@/server/services/journeys/save-journey-graph";

export const saveJourneyProcedure = permissionProcedure("journeys.manage")
  .input(saveJourneyGraphInput)
  .mutation(({ ctx, input }) => saveJourneyGraph(ctx.db, ctx.scope, ctx.viewer, input));
