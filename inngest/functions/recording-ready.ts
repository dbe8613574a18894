import { inngest } from "../client";
import { carrierRecordingReady } from "@/server/jobs/events";
import { jobDeps } from "@/server/jobs/job-deps";
import { handleRecordingReady } from "@/server/services/calls/handle-recording-ready";

/** 录音转存: copies a call's recording from the carrier's expiring link into our storage. */
export const recordingReady = inngest.createFunction(
  { id: "recording-ready", name: "通话录音转存", triggers: [carrierRecordingReady], retries: 5 },
  async ({ event, step }) =>
    step.run("store-recording", async () => {
      const deps = await jobDeps();
      return handleRecordingReady(deps.db, deps, event.data.carrierEventId);
    }),
);
