import type { PrismaClient } from "@/server/db/create-client";
import type { CallAnalysis } from "@/server/ports/intent";

export interface CallAnalysisMeta {
  status: "rules" | "model" | "modelFailed";
  /** The classifier that decided: "rules-v1" or "llm:<model>". */
  by: string;
  error: string | null;
  at: Date;
}

/**
 * THE one place a call's intent (and its analysis) is written — the call-ended pipeline, 重新分析 of one call and the
 * background re-run all come here. When the call is its task's latest attempt the task's intent follows (journeys
 * branch on it); a late re-run of attempt 1 never overwrites attempt 2's. Anything kept per intent (e.g. counters)
 * belongs in this transaction. Returns whether the intent changed.
 */
export async function setCallAnalysis(
  db: PrismaClient,
  call: { id: string; taskId: string; attempt: number; intent: string | null },
  analysis: CallAnalysis,
  meta: CallAnalysisMeta,
): Promise<{ changed: boolean }> {
  const changed = analysis.intent !== call.intent;
  await db.$transaction(async (tx) => {
    await tx.call.update({
      where: { id: call.id },
      data: {
        intent: analysis.intent,
        intentRule: analysis.rule,
        intentReason: analysis.reason,
        summary: analysis.summary,
        callbackRequested: analysis.callbackRequested,
        proposedTime: analysis.proposedTime,
        analysisStatus: meta.status,
        analysisError: meta.error,
        analyzedBy: meta.by,
        analyzedAt: meta.at,
      },
    });
    if (!changed) return;
    const later = await tx.call.count({ where: { taskId: call.taskId, attempt: { gt: call.attempt } } });
    if (later === 0) await tx.callTask.update({ where: { id: call.taskId }, data: { intent: analysis.intent } });
  });
  return { changed };
}
