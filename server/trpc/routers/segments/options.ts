import { permissionProcedure } from "@/server/trpc/init";
import { segmentOptions } from "@/server/services/segments/segment-options";

export const segmentOptionsProcedure = permissionProcedure("journeys.manage").query(({ ctx }) => segmentOptions(ctx.db, ctx.scope));
