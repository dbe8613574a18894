import { permissionProcedure } from "@/server/trpc/init";
import { createWebhook, createWebhookInput } from "@/server/services/webhooks/manage-webhooks";

export const createWebhookProcedure = permissionProcedure("integrations.manage")
  .input(createWebhookInput)
  .mutation(({ ctx, input }) => createWebhook(ctx.db, ctx.scope, ctx.viewer, input, ctx.ports.webhookTransport));
