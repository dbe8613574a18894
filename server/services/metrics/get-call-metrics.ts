import type { Tx } from "@/server/db/create-client";
import { callMetrics, ZERO_COUNTS, type CallMetrics } from "@/server/domain/calls/call-metrics";
import { clinicFilter } from "@/server/services/tenancy/clinic-filter";
import type { Scope } from "@/server/domain/auth/scope";
import { countCallMetrics } from "./count-call-metrics";

const ZERO = callMetrics(ZERO_COUNTS);

/**
 * 执行数据 and 通话数据 for the caller's clinics (话术详情, 话单记录): `total` over the given scripts (or every script), and
 * `byScript` for each given script. Counted by countCallMetrics, the same path as journeys and journey nodes.
 */
export async function getCallMetrics(
  db: Tx,
  scope: Scope,
  options: { scriptIds?: readonly string[] } = {},
): Promise<{ total: CallMetrics; byScript: Map<string, CallMetrics> }> {
  if (scope.clinicIds.length === 0 || options.scriptIds?.length === 0) return { total: ZERO, byScript: new Map() };
  const requested = options.scriptIds ? [...new Set(options.scriptIds)] : undefined;
  const several = requested !== undefined && requested.length > 1;
  const clinics = await clinicFilter(db, scope);
  const counts = await countCallMetrics(db, { companyId: scope.companyId, clinicIds: clinics?.in, scriptIds: requested }, several ? "script" : "total");
  const total = callMetrics(counts.get(null) ?? ZERO_COUNTS);
  const byScript = new Map<string, CallMetrics>(
    requested?.map((id) => [id, several ? callMetrics(counts.get(id) ?? ZERO_COUNTS) : total]) ?? [],
  );
  return { total, byScript };
}

/** 执行数据 of several scripts at once, for the 外呼管理 list (no per-patient figures, so it stays cheap). */
export async function getExecutionStats(db: Tx, scope: Scope, scriptIds: readonly string[]): Promise<Map<string, CallMetrics["execution"]>> {
  const out = new Map<string, CallMetrics["execution"]>(scriptIds.map((id) => [id, ZERO.execution]));
  if (scriptIds.length === 0 || scope.clinicIds.length === 0) return out;
  const clinics = await clinicFilter(db, scope);
  const counts = await countCallMetrics(db, { companyId: scope.companyId, clinicIds: clinics?.in, scriptIds }, "script", { patients: false });
  for (const id of scriptIds) out.set(id, callMetrics(counts.get(id) ?? ZERO_COUNTS).execution);
  return out;
}
