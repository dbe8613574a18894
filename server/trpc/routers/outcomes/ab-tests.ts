import { listAbTests } from "@/server/services/outcomes/list-ab-tests";
import { permissionProcedure } from "@/server/trpc/init";

/** 效果分析: the scripts with an A/B test. */
export const abTestsProcedure = permissionProcedure("outbound.view").query(({ ctx }) => listAbTests(ctx.db, ctx.scope));
