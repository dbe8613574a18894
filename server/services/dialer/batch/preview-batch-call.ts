import type { PrismaClient } from "@/server/db/create-client";
import { callTaskReasonLabel, type CreationFailure } from "@/server/domain/call-tasks/reasons";
import { callingWindowWait, type CallingWindowWait } from "@/server/domain/calling-policy/calling-window";
import { companyLimits, evaluatePatients, type DeferRule, type InterceptRule, type PatientToEvaluate } from "@/server/domain/calling-policy";
import { idleScript, loadDialerLoad } from "@/server/services/dialer/load-dialer-load";
import { loadCallHistory, loadDnc } from "@/server/services/dialer/load-policy-inputs";
import { checkTaskCreations } from "@/server/services/dialer/plan-call-tasks";
import { getCallBalance } from "@/server/services/scripts/get-call-balance";
import type { Scope } from "@/server/domain/auth/scope";
import { loadBatch } from "./load-batch";
import { startBatchCallInput, type StartBatchCallInput } from "./start-batch-call";

type Group<R extends string> = { reason: R; label: string; count: number; until?: Date };

/** One selected patient's estimate: what 开始呼叫 would do with them, and the rule or reason why. */
export interface PatientEstimate {
  patientId: string;
  name: string;
  outcome: "now" | "queued" | "deferred" | "intercepted" | "refused" | "alreadyQueued";
  /** The rule (拦截, 延后) or creation failure (无法呼叫); null when called or queued. */
  reason: string | null;
  label: string | null;
  /** When a deferred task is looked at again. */
  until?: Date;
}

export interface BatchCallPreview {
  selected: number;
  /** Allowed by every rule and within free seats: dialed as soon as the batch starts (at the window's opening when outside it). */
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
  /** Every selected patient in selection order, with their outcome and reason. */
  patients: PatientEstimate[];
  /** Nobody would get a task (every patient 无法呼叫 or already waiting): 开始呼叫 has nothing to do. */
  nothingToStart: boolean;
}

/**
 * 开始呼叫's dry run: for the chosen patients and script, what would happen if the batch started now — the same checks
 * as the batch (loadBatch), the same creation checks as the dial engine's `insertCallTasks` (`checkTaskCreations`), and
 * the calling policy as the claim applies it (`evaluatePatients`: `decide` with the history and DNC entries, then
 * `freeCapacity` over the load the claim counts, loadDialerLoad), each task judged at the moment it would really be
 * dialed — now inside 09:00–20:00, else the window's next opening, so every rule shows at night too — without writing
 * anything.
 */
export async function previewBatchCall(db: PrismaClient, scope: Scope, raw: StartBatchCallInput, now = new Date()): Promise<BatchCallPreview> {
  const input = startBatchCallInput.parse(raw);
  // loadDnc isolates its lookup behind a savepoint, so the reads run in a (read-only) transaction.
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
    const { script, patientIds, patients, alreadyQueued } = await loadBatch(tx, scope, input);
    const callBalance = await getCallBalance(tx, scope.companyId);
    const candidates = patients.filter((p) => !alreadyQueued.has(p.id));
    const verdicts = await checkTaskCreations(tx, scope.companyId, script, candidates, now);

    const estimates = new Map<string, PatientEstimate>();
    const estimate = (id: string, outcome: PatientEstimate["outcome"], reason: string | null = null, until?: Date) =>
      estimates.set(id, { patientId: id, name: names.get(id) ?? "", outcome, reason, label: reason ? label(reason) : null, ...(until ? { until } : {}) });
    const names = new Map(patients.map((p) => [p.id, p.name]));
    for (const id of alreadyQueued) estimate(id, "alreadyQueued");

    const refused = new Map<CreationFailure, number>();
    const passing: PatientToEvaluate[] = [];
    for (const p of candidates) {
      const { mobile, failure } = verdicts.get(p.id)!;
      if (failure) {
        refused.set(failure, (refused.get(failure) ?? 0) + 1);
        estimate(p.id, "refused", failure);
      } else passing.push({ id: p.id, mobile: mobile!, timeZone: p.clinic.timezone });
    }

    const deferred = new Map<string, Group<DeferRule | "scriptPaused">>();
    const intercepted = new Map<InterceptRule, number>();
    let allowedNow = 0;
    let queued = 0;
    if (script.status === "paused") {
      if (passing.length) deferred.set("scriptPaused", { reason: "scriptPaused", label: label("scriptPaused"), count: passing.length });
      for (const p of passing) estimate(p.id, "deferred", "scriptPaused");
    } else {
      const company = await tx.company.findUniqueOrThrow({ where: { id: scope.companyId }, select: { seatLimit: true, seatsPerScript: true, dialsPerMinuteScript: true } });
      const load = await loadDialerLoad(tx, scope.companyId, now);
      const own = load.byScript.get(script.id) ?? idleScript();
      const mobiles = passing.map((p) => p.mobile);
      const results = evaluatePatients(
        passing,
        {
          scriptId: script.id,
          category: script.category,
          limits: companyLimits(company),
          load: { companyActive: load.companyActive, scriptActive: own.active, recentDials: own.recent.count },
          history: await loadCallHistory(tx, scope.companyId, mobiles, now),
          dnc: await loadDnc(tx, scope.companyId, mobiles),
        },
        now,
      );
      for (const { patientId, decision, admitted } of results) {
        if (admitted) estimate(patientId, admitted);
        else if (decision.kind !== "allow") estimate(patientId, decision.kind === "defer" ? "deferred" : "intercepted", decision.rule, decision.kind === "defer" ? decision.until : undefined);
        if (admitted === "now") allowedNow += 1;
        else if (admitted === "queued") queued += 1;
        else if (decision.kind === "intercept") intercepted.set(decision.rule, (intercepted.get(decision.rule) ?? 0) + 1);
        else if (decision.kind === "defer") {
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
      alreadyQueued: alreadyQueued.size,
      callBalance,
      callingWindow: callingWindowWait(now, patients[0]?.clinic.timezone ?? DEFAULT_TIME_ZONE),
      patients: patientIds.flatMap((id) => estimates.get(id) ?? []),
      nothingToStart: candidates.every((p) => verdicts.get(p.id)!.failure),
    };
  });
}

const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const label = (code: string) => callTaskReasonLabel(code) ?? code;
