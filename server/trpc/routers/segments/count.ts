import { permissionProcedure } from "@/server/trpc/init";
import { countSegment, countSegmentInput } from "@/server/services/segments/count-segment";

export const countSegmentProcedure = permissionProcedure("journeys.manage")
  .input(countSegmentInput)
  .query(({ ctx, input }) => countSegment(ctx.db, ctx.scope, input, new Date()));
