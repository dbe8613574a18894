import { permissionProcedure } from "@/server/trpc/init";
import { createApiKey, createApiKeyInput } from "@/server/services/api/api-keys";

export const createApiKeyProcedure = permissionProcedure("integrations.manage")
  .input(createApiKeyInput)
  .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.scope, ctx.viewer, input));
