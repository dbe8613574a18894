import { permissionProcedure } from "@/server/trpc/init";
import { changeJourneyStatus, changeJourneyStatusInput } from "@/server/services/journeys/change-journey-status";

export const changeJourneyStatusProcedure = permissionProcedure("journeys.manage")
  .input(changeJourneyStatusInput)
  .mutation(({ ctx, input }) => changeJourneyStatus(ctx.db, ctx.scope, ctx.viewer, input));
