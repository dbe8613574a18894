import { getOutcomeSettings } from "@/server/services/outcomes/outcome-settings";
import { permissionProcedure } from "@/server/trpc/init";

/** 效果分析 → 归因与成本设置: the attribution window and the prices behind 每次到诊成本. */
export const settingsProcedure = permissionProcedure("outbound.view").query(({ ctx }) => getOutcomeSettings(ctx.db, ctx.scope));
