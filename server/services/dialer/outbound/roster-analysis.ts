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
