import { inngest } from "../client";
import { callAnalysisRequested } from "@/server/jobs/events";
import { jobDeps } from "@/server/jobs/job-deps";
import { AppError } from "@/server/errors";
import { failCallAnalysisJob, runCallAnalysisChunk } from "@/server/services/calls/analysis/run-call-analysis-chunk";

/**
 * 重新分析: one chunk of a CallAnalysisJob per run (progress and cursor in the database), then the next chunk is
 * requested by event until the job is done. One run per job at a time; at most 30 chunks a minute per company, so a
 * re-run of a big script cannot flood the model endpoint.
 */
export const callAnalysis = inngest.createFunction(
  {
    id: "call-analysis",
    name: "通话重新分析",
    triggers: [callAnalysisRequested],
    concurrency: [{ key: "event.data.jobId", limit: 1 }],
    throttle: { key: "event.data.companyId", limit: 30, period: "1m" },
    retries: 3,
  },
  async ({ event, step }) => {
    const result = await step.run("analyze-chunk", async () => {
      const deps = await jobDeps();
      try {
        return await runCallAnalysisChunk(deps.db, event.data.jobId, deps.now(), { classifier: deps.intentClassifier });
      } catch (error) {
        // The script cannot be read any more (e.g. deleted dialogue): retrying will not help.
        if (!(error instanceof AppError)) throw error;
        await failCallAnalysisJob(deps.db, event.data.jobId, error.message, deps.now());
        return { jobId: event.data.jobId, done: true, processed: 0 };
      }
    });
    if (!result.done) await step.sendEvent("next-chunk", callAnalysisRequested.create({ jobId: event.data.jobId, companyId: event.data.companyId }));
    return result;
  },
);
