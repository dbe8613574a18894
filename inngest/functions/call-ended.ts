import { inngest } from "../client";
import { carrierCallApplied, carrierCallEnded } from "@/server/jobs/events";
import { jobDeps } from "@/server/jobs/job-deps";
import { applyCallResults, handleCallEnded, type StepRunner } from "@/server/services/calls/handle-call-ended";
import { RESULT_BATCH_SIZE, RESULT_BATCH_WAIT } from "@/server/services/dialer/dialer-settings";

type Step = { run: (name: string, fn: () => Promise<unknown>) => Promise<unknown> };
const stepRunner = (step: Step): StepRunner => (name, fn) => step.run(name, fn) as Promise<Awaited<ReturnType<typeof fn>>>;

/**
 * 通话结束: the carrier's results, a batch at a time (batchEvents), applied in one transaction (task → redial / ended,
 * balance: server/services/calls/handle-call-ended.ts applyCallResults); then one call-ended-pipeline run per call.
 */
export const callEnded = inngest.createFunction(
  { id: "call-ended", name: "通话结束处理", triggers: [carrierCallEnded], retries: 5, batchEvents: { maxSize: RESULT_BATCH_SIZE, timeout: RESULT_BATCH_WAIT } },
  async ({ events, step }) => {
    const deps = await jobDeps();
    const applied = await applyCallResults(deps.db, events.map((e) => e.data.carrierEventId), stepRunner(step));
    if (applied.length > 0) await step.sendEvent("call-results-applied", applied.map((a) => carrierCallApplied.create(a)));
    return { events: events.length, calls: applied.length };
  },
);

/**
 * 通话结束 (continued), per call: classifies the intent, honours an opt-out, moves a journey on, copies an early
 * recording, sends the hang-up SMS and the webhook, marks the carrier event processed — each an idempotent step.
 */
export const callEndedPipeline = inngest.createFunction(
  { id: "call-ended-pipeline", name: "通话结束后续处理", triggers: [carrierCallApplied], retries: 5 },
  async ({ event, step }) => {
    const deps = await jobDeps();
    return handleCallEnded(deps.db, deps, event.data, stepRunner(step));
  },
);
