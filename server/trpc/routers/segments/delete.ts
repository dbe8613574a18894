import { permissionProcedure } from "@/server/trpc/init";
import { deleteSegment, deleteSegmentInput } from "@/server/services/segments/delete-segment";

export const deleteSegmentProcedure = permissionProcedure("journeys.manage")
  .input(deleteSegmentInput)
  .mutation(({ ctx, input }) => deleteSegment(ctx.db, ctx.scope, ctx.viewer, input));
