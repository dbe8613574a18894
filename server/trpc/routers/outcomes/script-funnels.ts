import { getScriptFunnels } from "@/server/services/outcomes/get-script-funnels";
import { permissionProcedure } from "@/server/trpc/init";

/** 效果分析: each script's funnel from calls to visits and revenue. */
export const scriptFunnelsProcedure = permissionProcedure("outbound.view").query(({ ctx }) => getScriptFunnels(ctx.db, ctx.scope));
