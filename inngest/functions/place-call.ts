import { inngest } from "../client";
import { callPlaceRequested } from "@/server/jobs/events";
import { jobDeps } from "@/server/jobs/job-deps";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";

/**
 * 拨打: asks the carrier to place one claimed attempt. Seats and the per-minute throttle are enforced by the hopper in
 * PostgreSQL; the keys here keep Inngest itself from running more than a script's (50) or a company's (1000) seats of
 * placements at once, or more than 60 a minute per script.
 */
export const placeCall = inngest.createFunction(
  {
    id: "place-call",
    name: "拨打外呼",
    triggers: [callPlaceRequested],
    concurrency: [
      { key: "event.data.scriptId", limit: 50 },
      { key: "event.data.companyId", limit: 1000 },
    ],
    throttle: { key: "event.data.scriptId", limit: 60, period: "1m" },
    retries: 3,
  },
  async ({ event, step }) =>
    step.run("place-call", async () => {
      const deps = await jobDeps();
      return placeClaimedCall(deps.db, deps.carrier, event.data, deps.now());
    }),
);
