import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { listApprovedSmsTemplates } from "@/server/services/sms/list-sms-templates";

/** 挂机短信 options for the script editor (who may not hold sms.manage). */
export const smsOptionsProcedure = outboundProcedure("outbound.scripts.manage").query(({ ctx }) => listApprovedSmsTemplates(ctx.db, ctx.scope));
