import { permissionProcedure } from "@/server/trpc/init";
import { deleteJourney, deleteJourneyInput } from "@/server/services/journeys/delete-journey";

export const deleteJourneyProcedure = permissionProcedure("journeys.manage")
  .input(deleteJourneyInput)
  .mutation(({ ctx, input }) => deleteJourney(ctx.db, ctx.scope, ctx.viewer, input));
