import { permissionProcedure } from "@/server/trpc/init";
import { revokeApiKey, revokeApiKeyInput } from "@/server/services/api/api-keys";

export const revokeApiKeyProcedure = permissionProcedure("integrations.manage")
  .input(revokeApiKeyInput)
  .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.scope, ctx.viewer, input));
