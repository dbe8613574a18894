import { isInCallingWindow, nextWindowStart } from "./calling-window";
import { freeCapacity, type DialerLoad } from "./capacity";
import { decide } from "./decide";
import type { Decision, DialerLimits, DncLookup, PastCall, ScriptCategory } from "./types";

export interface PatientToEvaluate {
  id: string;
  /** Normalised 11-digit mobile. */
  mobile: string;
  /** The patient's clinic's IANA time zone. */
  timeZone: string;
}

export interface PatientPolicyInputs {
  scriptId: string;
  category: ScriptCategory;
  limits: DialerLimits;
  /** Seats in use and the script's dials of the last minute at `now`. */
  load: DialerLoad;
  /** Each number's calls (history) and DNC entries, as loaded for the claim. */
  history: ReadonlyMap<string, readonly PastCall[]>;
  dnc: (mobile: string) => DncLookup;
}

export interface PatientVerdict {
  patientId: string;
  /** When the dialer would first look at the task: now inside 09:00–20:00, else the next opening of the window. */
  at: Date;
  /** Every rule but capacity (window, DNC, caps, carrier, number in a call) at `at`. */
  decision: Decision;
  /** For the allowed: dialed at once (within freeCapacity at `at`) or queued behind them until seats and the throttle free up. */
  admitted: "now" | "queued" | null;
}

/** The instant a task created now is first dialed: now inside the calling window, else when it next opens. */
export function firstDialMoment(now: Date, timeZone: string): Date {
  return isInCallingWindow(now, timeZone) ? now : nextWindowStart(now, timeZone);
}

const IDLE: DialerLoad = { companyActive: 0, scriptActive: 0, recentDials: 0 };

/**
 * What the dialer would decide for these patients' tasks of one script, each judged at the instant it would really be
 * dialed (firstDialMoment): outside 09:00–20:00 that is the next opening, so the window never hides DNC, the frequency
 * caps or the carrier rules. The blocking and waiting rules are judged for everyone with capacity set aside (so an
 * interception is not hidden behind a full queue); the allowed then take the free capacity in order and the rest queue
 * behind them. At a later opening no call of now is still in progress and no seat is taken (nothing is dialed outside
 * the window). Each allowed task counts as a call in progress for the patients after it (two tasks for one number see
 * each other), as in the claim.
 */
export function evaluatePatients(patients: readonly PatientToEvaluate[], inputs: PatientPolicyInputs, now: Date): PatientVerdict[] {
  const history = new Map<string, PastCall[]>();
  const free = new Map<number, number>();
  return patients.map((p) => {
    const at = firstDialMoment(now, p.timeZone);
    const later = at.getTime() > now.getTime();
    const taskId = `evaluate:${p.id}`;
    const past = history.get(p.mobile) ?? (inputs.history.get(p.mobile) ?? []).map((c) => (later && c.inProgress ? { ...c, inProgress: false } : c));
    const decision = decide(
      { id: taskId, scriptId: inputs.scriptId, mobile: p.mobile },
      {
        timeZone: p.timeZone,
        category: inputs.category,
        limits: inputs.limits,
        seats: { companyActive: 0, scriptActive: 0 },
        recentDials: { count: 0, oldestAt: null },
        history: past,
        dnc: inputs.dnc(p.mobile),
      },
      at,
    );
    let admitted: PatientVerdict["admitted"] = null;
    if (decision.kind === "allow") {
      const left = free.get(at.getTime()) ?? freeCapacity(inputs.limits, later ? IDLE : inputs.load);
      admitted = left > 0 ? "now" : "queued";
      free.set(at.getTime(), Math.max(0, left - 1));
      past.push({ taskId, scriptId: inputs.scriptId, category: inputs.category, dialedAt: at, answered: false, inProgress: true });
    }
    history.set(p.mobile, past);
    return { patientId: p.id, at, decision, admitted };
  });
}
