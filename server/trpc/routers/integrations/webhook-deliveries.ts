import { permissionProcedure } from "@/server/trpc/init";
import { listWebhookDeliveries } from "@/server/services/webhooks/manage-webhooks";

export const webhookDeliveriesProcedure = permissionProcedure("integrations.manage").query(({ ctx }) => listWebhookDeliveries(ctx.db, ctx.scope));
