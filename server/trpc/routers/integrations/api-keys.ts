import { permissionProcedure } from "@/server/trpc/init";
import { listApiKeys } from "@/server/services/api/api-keys";

export const listApiKeysProcedure = permissionProcedure("integrations.manage").query(({ ctx }) => listApiKeys(ctx.db, ctx.scope));
