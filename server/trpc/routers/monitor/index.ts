import { createTRPCRouter } from "@/server/trpc/init";
import { monitorSnapshotProcedure } from "./snapshot";

export const monitorRouter = createTRPCRouter({
  snapshot: monitorSnapshotProcedure,
});
