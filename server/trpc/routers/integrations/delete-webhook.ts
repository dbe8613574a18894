import { permissionProcedure } from "@/server/trpc/init";
import { deleteWebhook, webhookIdInput } from "@/server/services/webhooks/manage-webhooks";

export const deleteWebhookProcedure = permissionProcedure("integrations.manage")
  .input(webhookIdInput)
  .mutation(({ ctx, input }) => deleteWebhook(ctx.db, ctx.scope, ctx.viewer, input));
