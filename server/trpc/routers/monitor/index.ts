import { createTRPCRouter } from "@/server/trpc/init";
import { monitorLiveProcedure } from "./live";
import { monitorSnapshotProcedure } from "./snapshot";

export const monitorRouter = createTRPCRouter({
  snapshot: monitorSnapshotProcedure,
  live: monitorLiveProcedure,
});
