import { cron } from "inngest";
import { inngest } from "../client";
import { batchStarted, callPlaceRequested } from "@/server/jobs/events";
import { jobDeps } from "@/server/jobs/job-deps";
import { finishCallBatches } from "@/server/services/dialer/batch/finish-call-batches";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";

/**
 * 外呼调度: every minute (and at once when a batch starts) the hopper recovers stale claims and claims due tasks within
 * seats, throttle and the calling policy; each claimed attempt becomes one outbound/call.place event. Batches whose
 * last task is over are marked finished (batch.finished webhooks).
 */
export const dialerTick = inngest.createFunction(
  { id: "dialer-tick", name: "外呼调度", triggers: [cron("* * * * *"), batchStarted], concurrency: { limit: 1 } },
  async ({ step }) => {
    const tick = await step.run("claim-due-tasks", async () => {
      const deps = await jobDeps();
      return runDialerTick(deps.db, { now: deps.now(), workerId: deps.workerId });
    });
    await step.run("finish-batches", async () => {
      const deps = await jobDeps();
      return finishCallBatches(deps.db, deps.now());
    });
    if (tick.claimed.length > 0) {
      await step.sendEvent("place-calls", tick.claimed.map((claim) => callPlaceRequested.create(claim)));
    }
    return { claimed: tick.claimed.length, deferred: tick.deferred, intercepted: tick.intercepted, recovered: tick.recovered, failures: tick.failures };
  },
);
