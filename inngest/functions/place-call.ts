import { inngest } from "../client";
import { callPlaceRequested, callsPlaceRequested } from "@/server/jobs/events";
import { jobDeps } from "@/server/jobs/job-deps";
import { placeClaimedCalls } from "@/server/services/dialer/place-claimed-call";

/**
 * 拨打: asks the carrier to place claimed attempts, a batch at a time (outbound/calls.place, up to PLACE_BATCH_SIZE
 * claims; the single outbound/call.place of older releases is a batch of one). No `concurrency` or `throttle` keys:
 * seats and the per-minute limit are the company's own (PRODUCT_LIMITS or what customer service set) and the hopper
 * admits a claim only within them, so every event here is already a dial the limits allow — a fixed key would silently
 * cap a company with raised limits on Inngest and do nothing in process (docs/dialer.md, Jobs).
 */
export const placeCall = inngest.createFunction(
  { id: "place-call", name: "拨打外呼", triggers: [callsPlaceRequested, callPlaceRequested], retries: 3 },
  async ({ event, step }) =>
    step.run("place-call", async () => {
      const deps = await jobDeps();
      const claims = "claims" in event.data ? event.data.claims : [event.data];
      return placeClaimedCalls(deps.db, deps.carrier, claims, deps.now);
    }),
);
