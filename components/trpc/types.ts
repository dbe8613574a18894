import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/router";

/** What each procedure returns, for typing list rows and column definitions. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
/** What each procedure takes, for typing filters passed down to components. */
export type RouterInputs = inferRouterInputs<AppRouter>;
