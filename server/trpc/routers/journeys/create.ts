import { permissionProcedure } from "@/server/trpc/init";
import { createJourney, createJourneyInput } from "@/server/services/journeys/create-journey";

export const createJourneyProcedure = permissionProcedure("journeys.manage")
  .input(createJourneyInput)
  .mutation(({ ctx, input }) => createJourney(ctx.db, ctx.scope, ctx.viewer, input));
