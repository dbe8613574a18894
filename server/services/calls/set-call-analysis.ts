import type { PrismaClient } from "@/server/db/create-client";
import type { Tx } from "@/server/db/create-client";
import { isInterestedCall } from "@/server/domain/outcomes/attribution";
import type { CallAnalysis } from "@/server/ports/intent";
import { fileCallFigure } from "@/server/services/metrics/call-totals";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { createFollowUpsFromCall } from "@/server/services/follow-ups/create-follow-ups-from-call";
import { requestWebhookDeliveries } from "@/server/services/webhooks/emit-webhook-event";

export interface CallAnalysisMeta {
  status: "rules" | "model" | "modelFailed";
  /** The classifier that decided: RULES_ANALYZER ("rules-v2") or "llm:<model>". */
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
  const { deliveryIds } = await db.$transaction(async (tx) => {
    const before = await interestOf(tx, call.id);
    const stored = await tx.call.update({
      where: { id: call.id },
      select: { transferredTo: true, transferAnswered: true },
      data: {
        intent: analysis.intent,
        intentRule: analysis.rule,
        intentReason: analysis.reason,
        summary: analysis.summary,
        callbackRequested: analysis.callbackRequested,
        proposedTime: analysis.proposedTime,
        reachedParty: analysis.reached,
        complaint: analysis.complaint,
        triggerSentence: analysis.trigger,
        intentConfidence: analysis.confidence,
        analysisStatus: meta.status,
        analysisError: meta.error,
        analyzedBy: meta.by,
        analyzedAt: meta.at,
      },
    });
    if (changed) await followOnTask(tx, call, analysis.intent);
    // 回访任务 and 预约意向 the call asks for (issue 26), idempotent across re-analyses.
    const filed = await createFollowUpsFromCall(tx, call.id, {
      reached: analysis.reached,
      complaint: analysis.complaint,
      callbackRequested: analysis.callbackRequested,
      canonical: analysis.canonical,
      proposedTime: analysis.proposedTime,
      transferUnanswered: stored.transferredTo !== null && stored.transferAnswered === false,
    });
    // 有意向 in the running totals (docs/metrics.md), last in the transaction.
    await fileCallFigure(tx, call.id, "interestedCalls", Number(await interestOf(tx, call.id)) - Number(before));
    return filed;
  });
  // Their webhooks were queued with them; the first attempts are asked for only now that they exist.
  await requestWebhookDeliveries(deliveryIds).catch((error) => console.warn("[set-call-analysis] webhook deliveries not requested (the retry sweep sends them)", error));
  return { changed };
}

/** Whether the call counts as 有意向 now (domain isInterestedCall over its stored outcome, intent and proposed time). */
async function interestOf(tx: Tx, callId: string): Promise<boolean> {
  const c = await tx.call.findUnique({ where: { id: callId }, select: { outcome: true, intent: true, proposedTime: true } });
  return !!c && isInterestedCall({ answered: c.outcome === "answered", intent: c.intent, proposedTime: c.proposedTime });
}

/** The task's intent follows its latest attempt's (journeys branch on it); a late write to attempt 1 never wins over 2. */
async function followOnTask(tx: Tx, call: { taskId: string; attempt: number }, intent: string | null) {
  const later = await tx.call.count({ where: { taskId: call.taskId, attempt: { gt: call.attempt } } });
  if (later === 0) await tx.callTask.update({ where: { id: call.taskId }, data: { intent } });
}

/**
 * 人工修正: a manager's label for a call, in the same place as every other intent write. The classifier's label is kept
 * (intentBeforeCorrection, the first time only) for the audit and the export of corrections as evaluation cases; the
 * corrected label is the call's intent from now on (lists, 客户意向 counts, metrics and journeys read it), and 重新分析
 * leaves it alone.
 */
export async function setCorrectedIntent(
  db: PrismaClient,
  call: { id: string; companyId: string; taskId: string; attempt: number; intent: string | null; intentCorrectedAt: Date | null },
  correction: { intent: string | null; actorId: string; at: Date },
): Promise<{ changed: boolean }> {
  const changed = correction.intent !== call.intent;
  await db.$transaction(async (tx) => {
    const before = await interestOf(tx, call.id);
    await tx.call.update({
      where: { id: call.id },
      data: {
        intent: correction.intent,
        intentRule: "manual",
        intentConfidence: 1,
        intentCorrectedAt: correction.at,
        intentCorrectedById: correction.actorId,
        ...(call.intentCorrectedAt ? {} : { intentBeforeCorrection: call.intent }),
      },
    });
    if (changed) await followOnTask(tx, call, correction.intent);
    await writeAuditLog(tx, {
      companyId: call.companyId,
      actorId: correction.actorId,
      action: "call.intent.correct",
      targetType: "call",
      targetId: call.id,
      data: { from: call.intent, to: correction.intent },
    });
    await fileCallFigure(tx, call.id, "interestedCalls", Number(await interestOf(tx, call.id)) - Number(before));
  });
  return { changed };
}
