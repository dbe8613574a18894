import type { PrismaClient } from "@/server/db/create-client";
import type { IntentClassifier } from "@/server/ports/intent";
import { classifyCallIntent } from "@/server/services/calls/classify-call-intent";

/** Calls per step: small enough that a step (up to CHUNK_CONCURRENCY model requests at a time) ends well within a minute. */
export const CHUNK_SIZE = 20;
/** Model requests at once within a chunk; Inngest's throttle (inngest/functions/call-analysis.ts) spaces the chunks. */
export const CHUNK_CONCURRENCY = 3;

export interface ChunkResult {
  jobId: string;
  done: boolean;
  processed: number;
}

/**
 * One step of a 重新分析 job: the next calls after the job's cursor (keyset by id), each re-classified with force (so
 * through setCallAnalysis, the one write path), then the cursor and counts advanced — only if the cursor is still where
 * this chunk started, so a retried or duplicated step never counts a call twice. The last chunk finishes the job and
 * frees its activeKey.
 */
export async function runCallAnalysisChunk(
  db: PrismaClient,
  jobId: string,
  now: Date,
  options: { classifier: IntentClassifier; chunkSize?: number },
): Promise<ChunkResult> {
  const job = await db.callAnalysisJob.findUnique({ where: { id: jobId } });
  if (!job || job.status === "done" || job.status === "failed") return { jobId, done: true, processed: 0 };
  if (job.status === "queued") await db.callAnalysisJob.update({ where: { id: jobId }, data: { status: "running", startedAt: now } });

  const take = options.chunkSize ?? CHUNK_SIZE;
  const calls = await db.call.findMany({
    where: {
      companyId: job.companyId,
      scriptId: job.scriptId,
      outcome: { not: null },
      ...(job.clinicIds.length ? { clinicId: { in: job.clinicIds } } : {}),
      ...(job.callId ? { id: job.callId } : job.cursor ? { id: { gt: job.cursor } } : {}),
    },
    orderBy: { id: "asc" },
    take,
    select: { id: true },
  });

  let changed = 0;
  let modelFailed = 0;
  const queue = [...calls];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const r = await classifyCallIntent(db, next.id, { force: true, classifier: options.classifier, now });
      if (r?.changed) changed += 1;
      if (r?.status === "modelFailed") modelFailed += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHUNK_CONCURRENCY, calls.length) }, worker));

  const done = calls.length < take || !!job.callId;
  const advanced = await db.callAnalysisJob.updateMany({
    where: { id: jobId, cursor: job.cursor, status: { in: ["queued", "running"] } },
    data: {
      cursor: calls.at(-1)?.id ?? job.cursor,
      processed: { increment: calls.length },
      changed: { increment: changed },
      modelFailed: { increment: modelFailed },
      ...(done ? { status: "done", finishedAt: now, activeKey: null } : { status: "running" }),
    },
  });
  return { jobId, done: done || advanced.count === 0, processed: calls.length };
}

/** A job whose step failed for good (after the function's retries): recorded, and its activeKey freed for a new one. */
export async function failCallAnalysisJob(db: PrismaClient, jobId: string, message: string, now: Date) {
  await db.callAnalysisJob.updateMany({
    where: { id: jobId, status: { in: ["queued", "running"] } },
    data: { status: "failed", error: message.slice(0, 500), finishedAt: now, activeKey: null },
  });
}
