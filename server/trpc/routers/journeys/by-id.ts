import { permissionProcedure } from "@/server/trpc/init";
import { getJourney, getJourneyInput } from "@/server/services/journeys/get-journey";

export const journeyByIdProcedure = permissionProcedure("journeys.manage")
  .input(getJourneyInput)
  .query(({ ctx, input }) => getJourney(ctx.db, ctx.scope, ctx.viewer, input));
