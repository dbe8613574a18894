import type { Tx } from "@/server/db/create-client";
import { callingWindowWait } from "@/server/domain/calling-policy/calling-window";
import { scriptIsLive, scriptLiveState } from "@/server/domain/scripts/script-live-state";
import { AppError } from "@/server/errors";
import { getCallMetrics } from "@/server/services/metrics/get-call-metrics";
import { readScriptSummaries } from "@/server/services/scripts/script-summary";
import { visibleClinics } from "@/server/services/scripts/visible-script";
import type { Scope } from "@/server/domain/auth/scope";

/** 【详情】: a script's state with its 执行数据 and 通话数据 (refreshed by the page while calls run). */
export async function getManagedScript(db: Tx, scope: Scope, id: string, now: Date = new Date()) {
  const [script] = await readScriptSummaries(db, scope, { id });
  if (!script) throw AppError.notFound("话术");
  const clinicWindow = script.clinics[0] ? callingWindowWait(now, script.clinics[0].clinic.timezone) : null;
  // Only an enabled script's tasks wait for the window; a paused one's wait for the script, a stopped one's are cancelled.
  const callingWindow = script.status === "enabled" ? clinicWindow : null;
  // Outside the window every pending task due before it opens waits for it (the dialer defers them to the opening).
  const waitingForWindow = callingWindow
    ? await db.callTask.count({
        where: { scriptId: script.id, clinicId: { in: scope.clinicIds }, status: "pending", nextAttemptAt: { lte: callingWindow.startsAt } },
      })
    : 0;
  const { total } = await getCallMetrics(db, scope, { scriptIds: [script.id] });
  const calling = await db.callTask.count({ where: { scriptId: script.id, clinicId: { in: scope.clinicIds }, status: { in: ["dialing", "inCall"] } } });
  const liveState = scriptLiveState({ status: script.status, pauseReason: script.pauseReason, pending: total.execution.pending, calling, inWindow: clinicWindow === null });
  const { clinics, ...rest } = script;
  return {
    ...rest,
    clinics: visibleClinics(clinics, scope).map(({ id, shortName }) => ({ id, shortName })),
    metrics: total,
    callingWindow,
    /** 待呼 tasks that wait for the calling window to open (0 inside it). */
    waitingForWindow,
    /** What the script's calls are doing now, and why its 待呼 tasks wait. */
    liveState,
    /** Calls waiting to be dialed or under way: the page keeps refreshing while this is true. */
    active: scriptIsLive(liveState, calling),
  };
}
