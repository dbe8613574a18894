import type { PrismaClient, Tx } from "@/server/db/create-client";
import { callTaskReasonLabel, type CreationFailure } from "@/server/domain/call-tasks/reasons";
import { callingWindowWait, type CallingWindowWait } from "@/server/domain/calling-policy/calling-window";
import { decide, THROTTLE_WINDOW_MS, type DeferRule, type InterceptRule, type PastCall, type ScriptCategory } from "@/server/domain/calling-policy";
import { AppError } from "@/server/errors";
import { loadCallHistory, loadDnc } from "@/server/services/dialer/load-policy-inputs";
import { checkTaskCreations, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { startBatchCallInput, type StartBatchCallInput } from "@/server/services/dialer/start-batch-call";
import { getCallBalance } from "@/server/services/scripts/get-call-balance";
import type { Scope } from "@/server/domain/auth/scope";

type Group<R extends string> = { reason: R; label: string; count: number; until?: Date };

export interface BatchCallPreview {
  selected: number;
  /** Allowed by every rule and within free seats: dialed as soon as the batch starts. */
  now: number;
  /** Allowed, but beyond the seats / per-minute dials free right now: dialed as calls finish. */
  queued: number;
  /** Made to wait by a rule (outside 09:00–20:00, the number in a call, the script paused …), with when. */
  deferred: Group<DeferRule | "scriptPaused">[];
  /** Blocked by a rule (拦截): DNC, frequency caps, carrier rules. */
  intercepted: Group<InterceptRule>[];
  /** Not created at all (失败原因): no own mobile, not registered, data the script needs is missing …. */
  refused: Group<CreationFailure>[];
  /** Already waiting in this script; 开始呼叫 leaves them as they are. */
  alreadyQueued: number;
  /** Call credits left (余额); at 0 nothing is dialed and the scripts pause. */
  callBalance: number;
  /** Outside 09:00–20:00 (the patients' clinic's zone): when the batch will start; null inside the window. */
  callingWindow: CallingWindowWait | null;
}

/**
 * 开始呼叫's dry run: for the chosen patients and script, what would happen if the batch started now — the same
 * creation checks as the dial engine's `insertCallTasks` (`checkTaskCreations`) and the same calling policy (`decide`) with today's history,
 * DNC entries and free seats — without writing anything.
 */
export async function previewBatchCall(db: PrismaClient, scope: Scope, raw: StartBatchCallInput, now = new Date()): Promise<BatchCallPreview> {
  const input = startBatchCallInput.parse(raw);
  const patientIds = [...new Set(input.patientIds)];
  // loadDnc isolates its lookup behind a savepoint, so the reads run in a (read-only) transaction.
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
    const script = await loadScriptForTasks(tx, scope.companyId, input.scriptId);
    if (!script || !script.clinics.some((c) => scope.clinicIds.includes(c.clinicId))) throw AppError.notFound("话术");
    if (script.status === "stopped") throw new AppError("BAD_REQUEST", "话术已停用，无法发起外呼");
    if (script.journeyOnly) throw new AppError("BAD_REQUEST", "该话术为自动旅程专用，只能通过自动旅程外呼");

    const patients = await tx.patient.findMany({
      where: { id: { in: patientIds }, companyId: scope.companyId, clinicId: { in: scope.clinicIds } },
      select: { id: true, clinicId: true, mobile: true, hasOwnMobile: true, registered: true, clinic: { select: { timezone: true } } },
    });
    if (patients.length !== patientIds.length) throw AppError.notFound("患者");
    const open = await tx.callTask.findMany({
      where: { scriptId: script.id, patientId: { in: patientIds }, status: { in: ["pending", "dialing", "inCall"] } },
      select: { patientId: true },
    });
    const skip = new Set(open.map((t) => t.patientId));

    const company = await tx.company.findUniqueOrThrow({ where: { id: scope.companyId }, select: { seatLimit: true, seatsPerScript: true, dialsPerMinuteScript: true } });
    const category = (await tx.script.findUniqueOrThrow({ where: { id: script.id }, select: { category: true } })).category as ScriptCategory;
    const callBalance = await getCallBalance(tx, scope.companyId);
    const candidates = patients.filter((p) => !skip.has(p.id));
    const verdicts = await checkTaskCreations(tx, scope.companyId, script, candidates, now);

    const refused = new Map<CreationFailure, number>();
    const passing: { id: string; mobile: string; timeZone: string }[] = [];
    for (const p of candidates) {
      const { mobile, failure } = verdicts.get(p.id)!;
      if (failure) refused.set(failure, (refused.get(failure) ?? 0) + 1);
      else passing.push({ id: p.id, mobile: mobile!, timeZone: p.clinic.timezone });
    }

    const deferred = new Map<string, Group<DeferRule | "scriptPaused">>();
    const intercepted = new Map<InterceptRule, number>();
    let allowedNow = 0;
    let queued = 0;
    if (script.status === "paused") {
      if (passing.length) deferred.set("scriptPaused", { reason: "scriptPaused", label: label("scriptPaused"), count: passing.length });
    } else {
      const load = await currentLoad(tx, scope.companyId, script.id, now);
      const history = await loadCallHistory(tx, scope.companyId, passing.map((p) => p.mobile), now);
      const dnc = await loadDnc(tx, scope.companyId, passing.map((p) => p.mobile));
      // The blocking and waiting rules are judged for everyone (capacity set aside), so an interception is not hidden
      // behind a full queue; the allowed then take the free seats in order and the rest queue behind them.
      let free = Math.min(company.seatsPerScript - load.scriptActive, company.seatLimit - load.companyActive, company.dialsPerMinuteScript - load.recent.count);
      for (const p of passing) {
        const taskId = `preview:${p.id}`;
        const decision = decide(
          { id: taskId, scriptId: script.id, mobile: p.mobile },
          { timeZone: p.timeZone, category, limits: company, seats: { companyActive: 0, scriptActive: 0 }, recentDials: { count: 0, oldestAt: null }, history: history.get(p.mobile) ?? [], dnc: dnc(p.mobile) },
          now,
        );
        if (decision.kind === "allow") {
          if (free > 0) {
            allowedNow += 1;
            free -= 1;
          } else queued += 1;
          const claim: PastCall = { taskId, scriptId: script.id, category, dialedAt: now, answered: false, inProgress: true };
          history.set(p.mobile, [...(history.get(p.mobile) ?? []), claim]);
        } else if (decision.kind === "intercept") {
          intercepted.set(decision.rule, (intercepted.get(decision.rule) ?? 0) + 1);
        } else {
          const g = deferred.get(decision.rule) ?? { reason: decision.rule, label: label(decision.rule), count: 0, until: decision.until };
          g.count += 1;
          if (g.until && decision.until < g.until) g.until = decision.until;
          deferred.set(decision.rule, g);
        }
      }
    }
    return {
      selected: patientIds.length,
      now: allowedNow,
      queued,
      deferred: [...deferred.values()],
      intercepted: [...intercepted].map(([reason, count]) => ({ reason, label: label(reason), count })),
      refused: [...refused].map(([reason, count]) => ({ reason, label: label(reason), count })),
      alreadyQueued: skip.size,
      callBalance,
      callingWindow: callingWindowWait(now, patients[0]?.clinic.timezone ?? DEFAULT_TIME_ZONE),
    };
  });
}

const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const label = (code: string) => callTaskReasonLabel(code) ?? code;

/** Seats in use and the script's dials of the last minute, as the claim counts them. */
async function currentLoad(tx: Tx, companyId: string, scriptId: string, now: Date) {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const companyActive = await tx.callTask.count({ where: { companyId, status: { in: ["dialing", "inCall"] } } });
  const scriptActive = await tx.callTask.count({ where: { scriptId, status: { in: ["dialing", "inCall"] } } });
  const recentCalls = await tx.call.aggregate({ where: { scriptId, dialedAt: { gt: since, lte: now } }, _count: { _all: true }, _min: { dialedAt: true } });
  const claims = await tx.callTask.count({ where: { scriptId, status: "dialing" } });
  return {
    companyActive,
    scriptActive,
    recent: { count: recentCalls._count._all + claims, oldestAt: recentCalls._min.dialedAt ?? (claims ? now : null) },
  };
}
