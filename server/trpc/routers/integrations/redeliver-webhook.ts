import { permissionProcedure } from "@/server/trpc/init";
import { redeliverWebhook, webhookIdInput } from "@/server/services/webhooks/manage-webhooks";

/** 重发 one delivery. */
export const redeliverWebhookProcedure = permissionProcedure("integrations.manage")
  .input(webhookIdInput)
  .mutation(({ ctx, input }) => redeliverWebhook(ctx.db, ctx.scope, ctx.viewer, input));
