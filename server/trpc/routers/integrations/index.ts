import { createTRPCRouter } from "@/server/trpc/init";
import { listApiKeysProcedure } from "./api-keys";
import { createApiKeyProcedure } from "./create-api-key";
import { revokeApiKeyProcedure } from "./revoke-api-key";

export const integrationsRouter = createTRPCRouter({
  apiKeys: listApiKeysProcedure,
  createApiKey: createApiKeyProcedure,
  revokeApiKey: revokeApiKeyProcedure,
});
