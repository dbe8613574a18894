import type { Tx } from "@/server/db/create-client";
import { AppError } from "@/server/errors";
import { getCallMetrics } from "@/server/services/metrics/get-call-metrics";
import type { Scope } from "@/server/trpc/init";

/** 【详情】: a script's state with its 执行数据 and 通话数据 (refreshed by the page while calls run). */
export async function getManagedScript(db: Tx, scope: Scope, id: string) {
  const script = await db.script.findFirst({
    where: { id, companyId: scope.companyId, clinics: { some: { clinicId: { in: scope.clinicIds } } } },
    select: {
      id: true,
      name: true,
      kind: true,
      category: true,
      status: true,
      pauseReason: true,
      stoppedAt: true,
      journeyOnly: true,
      createdAt: true,
      clinics: { select: { clinic: { select: { id: true, shortName: true } } } },
    },
  });
  if (!script) throw AppError.notFound("话术");
  const { total } = await getCallMetrics(db, scope, { scriptIds: [script.id] });
  const calling = await db.callTask.count({ where: { scriptId: script.id, clinicId: { in: scope.clinicIds }, status: { in: ["dialing", "inCall"] } } });
  const { clinics, ...rest } = script;
  return {
    ...rest,
    clinics: clinics.map((c) => c.clinic).filter((c) => scope.clinicIds.includes(c.id)),
    metrics: total,
    /** Calls waiting or under way: the page keeps refreshing while this is true. */
    active: total.execution.pending > 0 || calling > 0,
  };
}
