import type { Tx } from "@/server/db/create-client";
import { AppError } from "@/server/errors";
import { getCallMetrics } from "@/server/services/metrics/get-call-metrics";
import type { Scope } from "@/server/domain/auth/scope";

/** The 执行数据 / 通话数据 above 话单记录: one script's (from 【话单】) or every script's. */
export async function summarizeCallRecords(db: Tx, scope: Scope, scriptId?: string) {
  if (!scriptId) return { script: null, metrics: (await getCallMetrics(db, scope)).total };
  const script = await db.script.findFirst({
    where: { id: scriptId, companyId: scope.companyId },
    select: { id: true, name: true, status: true, pauseReason: true },
  });
  if (!script) throw AppError.notFound("话术");
  return { script, metrics: (await getCallMetrics(db, scope, { scriptIds: [script.id] })).total };
}
