import type { CallAnalysisJob } from "@/server/generated/prisma/client";

/** What the UI shows of a 重新分析 job: its progress. */
export function toCallAnalysisJobView(job: CallAnalysisJob) {
  return {
    id: job.id,
    scriptId: job.scriptId,
    callId: job.callId,
    status: job.status,
    total: job.total,
    processed: Math.min(job.processed, job.total),
    changed: job.changed,
    modelFailed: job.modelFailed,
    error: job.error,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}
export type CallAnalysisJobView = ReturnType<typeof toCallAnalysisJobView>;
