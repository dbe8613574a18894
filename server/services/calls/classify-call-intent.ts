import type { PrismaClient } from "@/server/db/create-client";
import { getIntentClassifier } from "@/server/adapters/intent";
import { parseTranscript } from "@/server/domain/calls/transcript";
import type { IntentClassifier, IntentResult } from "@/server/ports/intent";
import { getScriptDialogues } from "@/server/services/scripts/get-script-dialogues";

/** Outcomes that never reached the phone: their intent is 无法接通 rather than 未接. */
const UNREACHABLE = new Set(["poweredOff", "emptyNumber", "suspended", "inArrears", "unreachable", "carrierBlocked", "networkBusy", "failed", "cancelled"]);

export type ClassifyCallIntentResult = (IntentResult & { callId: string; changed: boolean }) | null;

/**
 * 客户意向 of one finished call over its script's intent categories; stored on the call and, when the call is the
 * task's latest attempt, on the task (journeys branch on it). A call already classified keeps its intent unless
 * `force` (re-running classification after the rules or the script changed). Null for a call that has not ended.
 */
export async function classifyCallIntent(
  db: PrismaClient,
  callId: string,
  options: { force?: boolean; classifier?: IntentClassifier } = {},
): Promise<ClassifyCallIntentResult> {
  const call = await db.call.findUnique({
    where: { id: callId },
    select: {
      id: true,
      taskId: true,
      attempt: true,
      outcome: true,
      carrierOutcome: true,
      hangupBy: true,
      intent: true,
      transcript: true,
      script: { select: { id: true, companyId: true, category: true } },
    },
  });
  if (!call?.outcome) return null;

  const { text: _text, ...dialogues } = await getScriptDialogues(db, call.script.companyId, call.script.id);
  const answered = call.outcome === "answered";
  const result = await (options.classifier ?? getIntentClassifier()).classify({
    category: call.script.category,
    intents: dialogues.intents,
    dialogues,
    answered,
    notAnsweredKind: UNREACHABLE.has(call.carrierOutcome ?? call.outcome) ? "unreachable" : "noAnswer",
    turns: parseTranscript(call.transcript),
    hangupBy: call.hangupBy === "callee" || call.hangupBy === "bot" || call.hangupBy === "system" ? call.hangupBy : undefined,
  });

  // Classified before and not forced: keep the stored intent (the opt-out flag is still reported, for retries).
  if (call.intent !== null && !options.force) {
    return { ...result, intent: call.intent, label: dialogues.intents.find((i) => i.key === call.intent)?.label ?? null, callId: call.id, changed: false };
  }
  const changed = result.intent !== call.intent;
  if (changed) {
    await db.$transaction(async (tx) => {
      await tx.call.update({ where: { id: call.id }, data: { intent: result.intent } });
      // Only the latest attempt speaks for the task: a late re-run of attempt 1 must not overwrite attempt 2's intent.
      const later = await tx.call.count({ where: { taskId: call.taskId, attempt: { gt: call.attempt } } });
      if (later === 0) await tx.callTask.update({ where: { id: call.taskId }, data: { intent: result.intent } });
    });
  }
  return { ...result, callId: call.id, changed };
}
