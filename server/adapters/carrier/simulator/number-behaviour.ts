import type { CarrierOutcome } from "@/server/ports/carrier";

/**
 * How the simulator treats a number — deterministic, so tests can pick a number that forces an outcome
 * (table in docs/carrier-simulator.md):
 * - the LAST TWO digits decide the first attempt's outcome (realistic shares, e.g. 50 % answered);
 * - the THIRD-FROM-LAST digit decides how an answering patient behaves (persona);
 * - on a redial (attempt ≥ 2) of a retryable outcome, an EVEN FOURTH-FROM-LAST digit answers, an odd one repeats.
 */
export const OUTCOME_BANDS: readonly { from: number; to: number; outcome: SimOutcome }[] = [
  { from: 0, to: 49, outcome: "answered" }, // 50 %
  { from: 50, to: 67, outcome: "noAnswer" }, // 18 %
  { from: 68, to: 74, outcome: "busy" }, // 7 %
  { from: 75, to: 80, outcome: "rejected" }, // 6 %
  { from: 81, to: 86, outcome: "poweredOff" }, // 6 %
  { from: 87, to: 90, outcome: "emptyNumber" }, // 4 %
  { from: 91, to: 93, outcome: "suspended" }, // 3 %
  { from: 94, to: 99, outcome: "failed" }, // 6 %
];

export type SimOutcome = Extract<
  CarrierOutcome,
  "answered" | "noAnswer" | "busy" | "rejected" | "poweredOff" | "emptyNumber" | "suspended" | "failed"
>;

/** The simulated vendor's own result codes (modelled on Alibaba AICCS), mapped back by the adapter. */
export const RAW_CODES: Record<SimOutcome | "cancelled", string> = {
  answered: "ANSWERED",
  noAnswer: "NO_ANSWER",
  busy: "USER_BUSY",
  rejected: "CALL_REJECTED",
  poweredOff: "POWERED_OFF",
  emptyNumber: "INVALID_NUMBER",
  suspended: "SUSPEND",
  failed: "OTHERS",
  cancelled: "CANCEL",
};

export type Persona =
  | "interested"
  | "asksPrice"
  | "asksAddress"
  | "assent" // answers only "嗯嗯"
  | "refuses"
  | "optOut" // asks not to be called again
  | "hangsUp"; // hangs up after the greeting without a word

const PERSONA_BY_DIGIT: readonly Persona[] = [
  "interested", "interested", "asksPrice", "asksAddress", "assent", "refuses", "refuses", "optOut", "interested", "hangsUp",
];

const RETRYABLE = new Set<SimOutcome>(["noAnswer", "busy", "rejected", "poweredOff", "failed"]);

const digitFromEnd = (mobile: string, n: number) => Number(mobile.charAt(mobile.length - n)) || 0;

export function firstOutcomeOf(mobile: string): SimOutcome {
  const lastTwo = Number(mobile.slice(-2)) || 0;
  return OUTCOME_BANDS.find((b) => lastTwo >= b.from && lastTwo <= b.to)!.outcome;
}

export function outcomeOf(mobile: string, attempt: number): SimOutcome {
  const first = firstOutcomeOf(mobile);
  if (attempt <= 1 || !RETRYABLE.has(first)) return first;
  return digitFromEnd(mobile, 4) % 2 === 0 ? "answered" : first;
}

export function personaOf(mobile: string): Persona {
  return PERSONA_BY_DIGIT[digitFromEnd(mobile, 3)]!;
}

/**
 * 转人工 (only when the request asks for it: the company's transfer feature on and the clinic's front desk set, as
 * CreateCallInput.vendor says) — the FIFTH- and SIXTH-FROM-LAST digits: 9 and 8 → the patient asks for a person after
 * the greeting and the front desk answers the transferred leg; 9 and 9 → the patient asks and nobody answers it (the
 * leg rings out); anything else → no transfer (2 % of answered numbers transfer). Deterministic from the number, like
 * everything else here.
 */
export type TransferBehaviour = "answered" | "notAnswered" | null;
export function transferBehaviourOf(mobile: string): TransferBehaviour {
  if (digitFromEnd(mobile, 5) !== 9) return null;
  const d = digitFromEnd(mobile, 6);
  return d === 8 ? "answered" : d === 9 ? "notAnswered" : null;
}

/** FNV-1a, for stable per-number / per-call choices. */
export function stableHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A stable number in [0, 1) for (key, salt). */
export const stableUnit = (key: string, salt: string) => stableHash(`${salt}|${key}`) / 2 ** 32;

/**
 * Caller ids: local 11-digit mobiles per city (seed: 优先本地(一线城市)外显11位手机号). Numbers are fictional;
 * a city without a pool gets the national pool.
 */
export const CALLER_ID_POOLS: Readonly<Record<string, readonly string[]>> = {
  上海: ["13916250318", "13761482095", "15821370462", "18017635271", "13524086913", "15900731846"],
  北京: ["13801263547", "13910572486", "15011483920", "18610297364", "13683057129"],
  广州: ["13802561479", "13922487130", "15920346817", "18620573914", "13560284731"],
  深圳: ["13823704618", "13902561873", "15012874603", "18676230459", "13530948162"],
  杭州: ["13858013726", "13906827514", "15068120397", "18658604213"],
  成都: ["13808041725", "13982150637", "15882467310", "18628047156"],
  全国: ["17180214736", "17052938140", "16620581937", "19951037284"],
};

export function callerIdFor(callee: string, city: string | undefined): string {
  const pool = (city && CALLER_ID_POOLS[city]) || CALLER_ID_POOLS["全国"]!;
  return pool[stableHash(callee) % pool.length]!;
}
