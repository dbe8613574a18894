import { createTRPCRouter } from "@/server/trpc/init";
import { listApiKeysProcedure } from "./api-keys";
import { createApiKeyProcedure } from "./create-api-key";
import { revokeApiKeyProcedure } from "./revoke-api-key";
import { listWebhooksProcedure } from "./webhooks";
import { createWebhookProcedure } from "./create-webhook";
import { deleteWebhookProcedure } from "./delete-webhook";
import { webhookDeliveriesProcedure } from "./webhook-deliveries";
import { redeliverWebhookProcedure } from "./redeliver-webhook";

export const integrationsRouter = createTRPCRouter({
  apiKeys: listApiKeysProcedure,
  createApiKey: createApiKeyProcedure,
  revokeApiKey: revokeApiKeyProcedure,
  webhooks: listWebhooksProcedure,
  createWebhook: createWebhookProcedure,
  deleteWebhook: deleteWebhookProcedure,
  webhookDeliveries: webhookDeliveriesProcedure,
  redeliverWebhook: redeliverWebhookProcedure,
});
