import { permissionProcedure } from "@/server/trpc/init";
import { createSegment, createSegmentInput } from "@/server/services/segments/create-segment";

export const createSegmentProcedure = permissionProcedure("journeys.manage")
  .input(createSegmentInput)
  .mutation(({ ctx, input }) => createSegment(ctx.db, ctx.scope, ctx.viewer, input));
