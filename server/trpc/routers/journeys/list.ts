import { permissionProcedure } from "@/server/trpc/init";
import { listJourneys } from "@/server/services/journeys/list-journeys";

export const listJourneysProcedure = permissionProcedure("journeys.manage").query(({ ctx }) => listJourneys(ctx.db, ctx.scope));
