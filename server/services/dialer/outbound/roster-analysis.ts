import type { Tx } from "@/server/db/create-client";
import { intentLabel, type IntentOption } from "@/server/domain/calls/intent-label";

/** What the latest call of a 客户名单 line concluded (issue 25): 客户意向, 小结, 客户提出时间, 需回电 (高优先 for a complaint). */
export interface RosterAnalysis {
  intent: string | null;
  summary: string | null;
  proposedTime: string | null;
  callbackRequested: boolean;
  complaint: boolean;
}

export function rosterAnalysisFields(a: RosterAnalysis | undefined, intents: readonly IntentOption[]) {
  return {
    intentLabel: a ? intentLabel(a.intent, intents) : null,
    summary: a?.summary ?? null,
    proposedTime: a?.proposedTime ?? null,
    callback: a?.complaint ? ("high" as const) : a?.callbackRequested ? ("yes" as const) : null,
  };
}

/** The latest call of each task (one indexed lookup per task through Call(taskId, attempt)). */
export async function latestCallAnalyses(db: Tx, taskIds: readonly string[]): Promise<Map<string, RosterAnalysis>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db.call.findMany({
    where: { taskId: { in: [...taskIds] }, outcome: { not: null } },
    orderBy: [{ taskId: "asc" }, { attempt: "desc" }],
    distinct: ["taskId"],
    select: { taskId: true, intent: true, summary: true, proposedTime: true, callbackRequested: true, complaint: true },
  });
  return new Map(rows.map((r) => [r.taskId, r]));
}
