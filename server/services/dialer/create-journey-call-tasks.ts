import type { Tx } from "@/server/db/create-client";
import { insertCallTasks, loadScriptForTasks, type PlannedTask } from "./plan-call-tasks";

/**
 * For the journey's 智能外呼组件 (issue 7): one call task per roster entry, checked at creation like a batch. A stopped
 * script gives failed tasks with 话术停用; a missing appointment reads 客户未找到预约信息 on the roster
 * (callTaskReasonLabel(reason, locale, "roster")). Returns each entry's task and failure, for its 下发 status.
 * Run it inside the transaction that records the roster entries. Patients must belong to `companyId`.
 */
export async function createJourneyCallTasks(
  tx: Tx,
  input: { companyId: string; scriptId: string; entries: readonly { patientId: string; rosterEntryId: string }[]; now: Date },
): Promise<PlannedTask[]> {
  const script = await loadScriptForTasks(tx, input.companyId, input.scriptId);
  if (!script) throw new Error(`script ${input.scriptId} not found in company ${input.companyId}`);
  return insertCallTasks(tx, { companyId: input.companyId, script, seeds: input.entries, source: "journey", now: input.now });
}
