import { permissionProcedure } from "@/server/trpc/init";
import { getJourneyDashboard } from "@/server/services/journeys/get-journey-dashboard";

export const journeyDashboardProcedure = permissionProcedure("journeys.manage").query(({ ctx }) => getJourneyDashboard(ctx.db, ctx.scope));
