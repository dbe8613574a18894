import type { Tx } from "@/server/db/create-client";
import { callingWindowWait } from "@/server/domain/calling-policy/calling-window";
import { AppError } from "@/server/errors";
import { getCallMetrics } from "@/server/services/metrics/get-call-metrics";
import { scriptSummarySelect } from "@/server/services/scripts/script-summary";
import { visibleClinics, visibleScript } from "@/server/services/scripts/visible-script";
import type { Scope } from "@/server/domain/auth/scope";

/** 【详情】: a script's state with its 执行数据 and 通话数据 (refreshed by the page while calls run). */
export async function getManagedScript(db: Tx, scope: Scope, id: string, now: Date = new Date()) {
  const script = await db.script.findFirst({
    where: { id, ...visibleScript(scope) },
    select: {
      ...scriptSummarySelect,
      stoppedAt: true,
      createdAt: true,
      clinics: { select: { clinic: { select: { id: true, shortName: true, timezone: true } } }, orderBy: { clinic: { createdAt: "asc" } } },
    },
  });
  if (!script) throw AppError.notFound("话术");
  const callingWindow = script.clinics[0] ? callingWindowWait(now, script.clinics[0].clinic.timezone) : null;
  // Outside the window every pending task due before it opens waits for it (the dialer defers them to the opening).
  const waitingForWindow = callingWindow
    ? await db.callTask.count({
        where: { scriptId: script.id, clinicId: { in: scope.clinicIds }, status: "pending", nextAttemptAt: { lte: callingWindow.startsAt } },
      })
    : 0;
  const { total } = await getCallMetrics(db, scope, { scriptIds: [script.id] });
  const calling = await db.callTask.count({ where: { scriptId: script.id, clinicId: { in: scope.clinicIds }, status: { in: ["dialing", "inCall"] } } });
  const { clinics, ...rest } = script;
  return {
    ...rest,
    clinics: visibleClinics(clinics, scope).map(({ id, shortName }) => ({ id, shortName })),
    metrics: total,
    callingWindow,
    /** 待呼 tasks that wait for the calling window to open (0 inside it). */
    waitingForWindow,
    /** Calls waiting or under way: the page keeps refreshing while this is true. */
    active: total.execution.pending > 0 || calling > 0,
  };
}
