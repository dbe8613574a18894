import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPC_MAX_BATCH } from "@/lib/trpc-limits";
import type { Context } from "./init";
import { appRouter } from "./router";

/** `/api/trpc` with its limits; the route handler gives it the request's context (tests give their own). */
export function handleTrpcRequest(req: Request, createContext: () => Context | Promise<Context>) {
  return fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext, maxBatchSize: TRPC_MAX_BATCH });
}
