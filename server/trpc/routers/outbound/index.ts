import { createTRPCRouter } from "@/server/trpc/init";
import { outboundOverviewProcedure } from "./overview";

export const outboundRouter = createTRPCRouter({ overview: outboundOverviewProcedure });
