import { inngest } from "../client";
import { carrierCallEnded } from "@/server/jobs/events";
import { jobDeps } from "@/server/jobs/job-deps";
import { handleCallEnded, type StepRunner } from "@/server/services/calls/handle-call-ended";

/**
 * 通话结束: applies a carrier result (task → redial / ended, balance), classifies the intent, honours an opt-out,
 * copies an early recording and sends the hang-up SMS — each an idempotent step (server/services/calls/handle-call-ended.ts).
 */
export const callEnded = inngest.createFunction(
  { id: "call-ended", name: "通话结束处理", triggers: [carrierCallEnded], retries: 5 },
  async ({ event, step }) => {
    const deps = await jobDeps();
    const runStep: StepRunner = (name, fn) => step.run(name, fn) as Promise<Awaited<ReturnType<typeof fn>>>;
    return handleCallEnded(deps.db, deps, event.data.carrierEventId, runStep);
  },
);
