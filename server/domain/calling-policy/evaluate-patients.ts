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
  /** Seats in use and the script's dials of the last minute at the instant evaluated. */
  load: DialerLoad;
  /** Each number's calls (history) and DNC entries, as loaded for the claim. */
  history: ReadonlyMap<string, readonly PastCall[]>;
  dnc: (mobile: string) => DncLookup;
}

export interface PatientVerdict {
  patientId: string;
  /** Every rule but capacity (window, DNC, caps, carrier, number in a call) at `at`. */
  decision: Decision;
  /** For the allowed: dialed at once (within freeCapacity) or queued behind them until seats and the throttle free up. */
  admitted: "now" | "queued" | null;
}

/**
 * What the dialer would decide for these patients' tasks of one script at the instant `at`, in order: the blocking and
 * waiting rules are judged for everyone with capacity set aside (so an interception is not hidden behind a full queue);
 * the allowed then take the free capacity in order and the rest queue behind them. Each allowed task counts as a call
 * in progress for the patients after it (two tasks for one number see each other), as in the claim.
 */
export function evaluatePatients(patients: readonly PatientToEvaluate[], inputs: PatientPolicyInputs, at: Date): PatientVerdict[] {
  const history = new Map<string, PastCall[]>();
  let free = freeCapacity(inputs.limits, inputs.load);
  return patients.map((p) => {
    const taskId = `evaluate:${p.id}`;
    const past = history.get(p.mobile) ?? [...(inputs.history.get(p.mobile) ?? [])];
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
      admitted = free > 0 ? "now" : "queued";
      if (free > 0) free -= 1;
      past.push({ taskId, scriptId: inputs.scriptId, category: inputs.category, dialedAt: at, answered: false, inProgress: true });
    }
    history.set(p.mobile, past);
    return { patientId: p.id, decision, admitted };
  });
}
