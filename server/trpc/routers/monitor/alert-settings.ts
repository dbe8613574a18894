import { getAlertSettings } from "@/server/services/dialer/monitor/alert-settings";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

/** 实时监控 → 告警设置: the company's alert thresholds and delivery. */
export const monitorAlertSettingsProcedure = outboundProcedure("outbound.tasks.manage").query(({ ctx }) => getAlertSettings(ctx.db, ctx.scope));
