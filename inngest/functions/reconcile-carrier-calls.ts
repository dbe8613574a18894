import { cron } from "inngest";
import { inngest } from "../client";
import { jobDeps } from "@/server/jobs/job-deps";
import type { CarrierJob } from "@/server/services/calls/carrier/carrier-jobs";
import { reconcileCarrierCalls } from "@/server/services/calls/carrier/reconcile-carrier-calls";

/**
 * 话单对账: every minute, polls the carrier for calls stuck without a result or a recording (pushes can be lost) and
 * hands over events whose processing never finished.
 */
export const reconcileCarrierCallsJob = inngest.createFunction(
  { id: "reconcile-carrier-calls", name: "话单对账", triggers: [cron("* * * * *")], concurrency: { limit: 1 } },
  async ({ step }) => {
    const found = await step.run("reconcile", async () => {
      const { db, carrier, now } = await jobDeps();
      const jobs: CarrierJob[] = [];
      const result = await reconcileCarrierCalls(db, carrier, async (more) => void jobs.push(...more), now());
      return { ...result, jobs };
    });
    if (found.jobs.length > 0) {
      await step.sendEvent("hand-over", found.jobs);
    }
    return { adopted: found.adopted, released: found.released, polled: found.polled, found: found.found, lost: found.lost, redispatched: found.redispatched };
  },
);
