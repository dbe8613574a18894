/**
 * Calls per tRPC batch request. The server refuses bigger batches with a 400 (one request must not multiply an expensive
 * mutation a hundredfold); the browser's batch link splits its calls so it never sends one.
 */
export const TRPC_MAX_BATCH = 10;
