import { permissionProcedure } from "@/server/trpc/init";
import { listJourneyRoster, listJourneyRosterInput } from "@/server/services/journeys/list-journey-roster";

export const journeyRosterProcedure = permissionProcedure("journeys.manage")
  .input(listJourneyRosterInput)
  .query(({ ctx, input }) => listJourneyRoster(ctx.db, ctx.scope, ctx.viewer, input));
