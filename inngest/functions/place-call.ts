import { inngest } from "../client";
import { callPlaceRequested } from "@/server/jobs/events";
import { jobDeps } from "@/server/jobs/job-deps";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";

/**
 * 拨打: asks the carrier to place one claimed attempt. No `concurrency` or `throttle` keys: seats and the per-minute
 * limit are the company's own (PRODUCT_LIMITS or what customer service set) and the hopper admits a claim only within
 * them, so every event here is already a dial the limits allow — a fixed key would silently cap a company with raised
 * limits on Inngest and do nothing in process (docs/dialer.md, Jobs).
 */
export const placeCall = inngest.createFunction(
  { id: "place-call", name: "拨打外呼", triggers: [callPlaceRequested], retries: 3 },
  async ({ event, step }) =>
    step.run("place-call", async () => {
      const deps = await jobDeps();
      return placeClaimedCall(deps.db, deps.carrier, event.data, deps.now);
    }),
);
