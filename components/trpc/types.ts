import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/router";

/** What each procedure returns, for typing list rows and column definitions. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
