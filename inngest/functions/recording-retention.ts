import { cron } from "inngest";
import { inngest } from "../client";
import { jobDeps } from "@/server/jobs/job-deps";
import type { CarrierJob } from "@/server/services/calls/carrier/carrier-jobs";
import { sweepRecordingRetention } from "@/server/services/calls/carrier/sweep-recording-retention";

/** 录音留存: hourly, recordings still only at the carrier are copied before its retention (3 months at Tencent) ends. */
export const recordingRetention = inngest.createFunction(
  { id: "recording-retention", name: "录音留存", triggers: [cron("17 * * * *")], concurrency: { limit: 1 } },
  async ({ step }) => {
    const swept = await step.run("sweep", async () => {
      const { db, carrier, now } = await jobDeps();
      const jobs: CarrierJob[] = [];
      const result = await sweepRecordingRetention(db, carrier, async (more) => void jobs.push(...more), now());
      return { ...result, jobs };
    });
    if (swept.jobs.length > 0) await step.sendEvent("hand-over", swept.jobs);
    return { checked: swept.checked, redispatched: swept.redispatched, found: swept.found, failed: swept.failed };
  },
);
