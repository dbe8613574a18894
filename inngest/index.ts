import type { InngestFunction } from "inngest";

/** Every Inngest function of the app, served by app/api/inngest/route.ts and run by the in-process driver. */
export const functions: InngestFunction.Any[] = [];
