import { createTRPCRouter } from "@/server/trpc/init";
import { outboundOverviewProcedure } from "./overview";
import { startBatchProcedure } from "./start-batch";

export const outboundRouter = createTRPCRouter({ overview: outboundOverviewProcedure, startBatch: startBatchProcedure });
