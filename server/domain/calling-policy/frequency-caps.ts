import { DAY_MS } from "../time/constants";
import { ALLOW, type Decision, type PastCall, type PolicyTask } from "./types";

export const SAME_SCRIPT_DAYS = 15;
export const OUTREACH_WINDOW_DAYS = 30;
export const MAX_OUTREACHES_IN_WINDOW = 4;

/** Other outreaches (call tasks) with a call to this number in (now − days, now]. */
function otherOutreaches(task: PolicyTask, history: readonly PastCall[], now: Date, days: number, sameScriptOnly: boolean) {
  const from = now.getTime() - days * DAY_MS;
  const tasks = new Set<string>();
  for (const call of history) {
    if (call.taskId === task.id) continue;
    if (sameScriptOnly && call.scriptId !== task.scriptId) continue;
    const at = call.dialedAt.getTime();
    if (at > from && at <= now.getTime()) tasks.add(call.taskId);
  }
  return tasks.size;
}

/**
 * 「同一个手机号15天限制拨打1次，30天内限制拨打4次」 read as outreaches (a task with its redials, see
 * docs/calling-rules.md): one outreach of the same script per number in 15 days, and at most four outreaches of any of
 * the company's scripts per number in 30 days. A redial belongs to its own outreach, so it passes unless other
 * outreaches already fill a window; checking every dial this way keeps both caps true at every instant.
 */
export function frequencyCapsRule(task: PolicyTask, history: readonly PastCall[], now: Date): Decision {
  if (otherOutreaches(task, history, now, SAME_SCRIPT_DAYS, true) > 0) return { kind: "intercept", rule: "sameScriptWithin15Days" };
  if (otherOutreaches(task, history, now, OUTREACH_WINDOW_DAYS, false) >= MAX_OUTREACHES_IN_WINDOW) {
    return { kind: "intercept", rule: "outreachesWithin30Days" };
  }
  return ALLOW;
}
