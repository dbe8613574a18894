import { cron } from "inngest";
import { inngest } from "../client";
import { batchStarted, callsPlaceRequested } from "@/server/jobs/events";
import { jobDeps } from "@/server/jobs/job-deps";
import { finishCallBatches } from "@/server/services/dialer/batch/finish-call-batches";
import { PLACE_BATCH_SIZE } from "@/server/services/dialer/dialer-settings";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";

/**
 * 外呼调度: every minute (and at once when a batch starts) the hopper recovers stale claims and claims due tasks within
 * seats, throttle and the calling policy; the claimed attempts go out as outbound/calls.place events of up to
 * PLACE_BATCH_SIZE claims each (batched placement, docs/dialer.md). Batches whose
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
      const batches = Array.from({ length: Math.ceil(tick.claimed.length / PLACE_BATCH_SIZE) }, (_, i) => tick.claimed.slice(i * PLACE_BATCH_SIZE, (i + 1) * PLACE_BATCH_SIZE));
      await step.sendEvent("place-calls", batches.map((claims) => callsPlaceRequested.create({ claims })));
    }
    return { claimed: tick.claimed.length, deferred: tick.deferred, intercepted: tick.intercepted, recovered: tick.recovered, failures: tick.failures };
  },
);
