import { permissionProcedure } from "@/server/trpc/init";
import { getSmsQuota, getSmsQuotaInput } from "@/server/services/sms/get-sms-quota";

export const smsQuotaProcedure = permissionProcedure("sms.manage")
  .input(getSmsQuotaInput)
  .query(({ ctx, input }) => getSmsQuota(ctx.db, ctx.scope, input));
