import { z } from "zod";
import { permissionProcedure } from "@/server/trpc/init";
import { findJourney } from "@/server/services/journeys/find-journey";
import { getJourneyNodeMetrics } from "@/server/services/metrics/get-journey-metrics";

/** Every 智能外呼组件's figures of one journey, keyed by node id. */
export const journeyNodeMetricsProcedure = permissionProcedure("journeys.manage")
  .input(z.object({ journeyId: z.string().min(1) }))
  .query(async ({ ctx, input }) => {
    const journey = await findJourney(ctx.db, ctx.scope, input.journeyId);
    return getJourneyNodeMetrics(ctx.db, ctx.scope, journey.id);
  });
