import { permissionProcedure } from "@/server/trpc/init";
import { updateSegment, updateSegmentInput } from "@/server/services/segments/update-segment";

export const updateSegmentProcedure = permissionProcedure("journeys.manage")
  .input(updateSegmentInput)
  .mutation(({ ctx, input }) => updateSegment(ctx.db, ctx.scope, ctx.viewer, input));
