import { permissionProcedure } from "@/server/trpc/init";
import { listSegments } from "@/server/services/segments/list-segments";

export const listSegmentsProcedure = permissionProcedure("journeys.manage").query(({ ctx }) => listSegments(ctx.db, ctx.scope));
