import { permissionProcedure } from "@/server/trpc/init";
import { listWebhooks } from "@/server/services/webhooks/manage-webhooks";

export const listWebhooksProcedure = permissionProcedure("integrations.manage").query(({ ctx }) => listWebhooks(ctx.db, ctx.scope));
