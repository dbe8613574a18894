import { z } from "zod";
import { permissionProcedure } from "@/server/trpc/init";
import { findJourney } from "@/server/services/journeys/find-journey";
import { listJourneyScripts } from "@/server/services/journeys/journey-scripts";

/** The 启用 scripts a journey's 智能外呼组件 may choose from (its clinic's). */
export const journeyScriptsProcedure = permissionProcedure("journeys.manage")
  .input(z.object({ journeyId: z.string().min(1) }))
  .query(async ({ ctx, input }) => {
    const journey = await findJourney(ctx.db, ctx.scope, input.journeyId);
    return listJourneyScripts(ctx.db, ctx.scope, journey.clinic.id);
  });
