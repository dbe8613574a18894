import type { Tx } from "@/server/db/create-client";
import { callMetrics, ZERO_COUNTS, type CallMetrics } from "@/server/domain/calls/call-metrics";
import type { Scope } from "@/server/domain/auth/scope";
import { countCallMetrics, countCoverage, type Coverage } from "./count-call-metrics";

export interface JourneyNodeMetrics extends CallMetrics {
  /** 接听通话数 / 有效对话通话数: calls, not patients. */
  answeredCalls: number;
  effectiveCalls: number;
  /** 覆盖客户总人次 / 下发成功外呼覆盖人次 / 下发失败外呼覆盖人次 (from the node's 旅程名单). */
  coverage: Coverage;
}

/**
 * The seed's per-node figures of every 智能外呼组件 of a journey (§6.6–6.7): the same counting path and formulas as the
 * script pages (countCallMetrics), narrowed to the tasks the node dispatched, plus the node's coverage.
 */
export async function getJourneyNodeMetrics(db: Tx, scope: Scope, journeyId: string): Promise<Record<string, JourneyNodeMetrics>> {
  const [counts, coverage] = await Promise.all([
    countCallMetrics(db, { companyId: scope.companyId, journeyId }, "node"),
    countCoverage(db, scope.companyId, journeyId),
  ]);
  const out: Record<string, JourneyNodeMetrics> = {};
  for (const nodeId of new Set([...counts.keys(), ...coverage.keys()])) {
    if (nodeId === null) continue;
    const c = counts.get(nodeId) ?? ZERO_COUNTS;
    out[nodeId] = {
      ...callMetrics(c),
      answeredCalls: c.answeredCalls,
      effectiveCalls: c.effectiveCalls,
      coverage: coverage.get(nodeId) ?? { total: 0, dispatched: 0, dispatchFailed: 0 },
    };
  }
  return out;
}

/** The MA dashboard's two 智能外呼 figures: 累计已呼通话数 and 累计接听通话数 of calls placed for journeys. */
export async function getJourneyCallTotals(db: Tx, scope: Scope): Promise<{ dialedCalls: number; answeredCalls: number }> {
  const counts = await countCallMetrics(db, { companyId: scope.companyId, clinicIds: scope.clinicIds, source: "journey" }, "total", { patients: false });
  const total = counts.get(null) ?? ZERO_COUNTS;
  return { dialedCalls: total.dialedCalls, answeredCalls: total.answeredCalls };
}
