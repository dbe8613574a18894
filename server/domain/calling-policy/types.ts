/**
 * The calling policy's vocabulary. Everything a rule needs is loaded beforehand into a `PolicyContext`; rules are pure
 * functions of (task, context, now). See docs/calling-rules.md.
 */
export type ScriptCategory = "service" | "marketing";

/** Rules that make a task wait; it resumes by itself at `until`. */
export type DeferRule =
  | "outsideCallingWindow"
  | "numberInCall"
  | "companySeatsFull"
  | "scriptSeatsFull"
  | "scriptThrottled";

/** Rules that block a task for good (拦截), always stored with the task. */
export type InterceptRule =
  | "dncPlatform"
  | "dncVanityNumber"
  | "dncHighComplaint"
  | "dncOptOut"
  | "dncLookupFailed"
  | "sameScriptWithin15Days"
  | "outreachesWithin30Days"
  | "carrierServiceDailyCalls"
  | "carrierServiceDailyConnected"
  | "carrierMarketingCalls15Days"
  | "carrierMarketingConnected15Days";

export type PolicyRule = DeferRule | InterceptRule;

export type Decision =
  | { kind: "allow" }
  | { kind: "defer"; until: Date; rule: DeferRule }
  | { kind: "intercept"; rule: InterceptRule };

export const ALLOW: Decision = Object.freeze({ kind: "allow" });

export interface PolicyTask {
  id: string;
  scriptId: string;
  /** Normalised 11-digit mobile. */
  mobile: string;
}

/** The capacity limits a company dials within (PRODUCT_LIMITS in limits.ts, or the company's own). */
export interface DialerLimits {
  /** 座席 per company. */
  seatLimit: number;
  /** 座席 per enabled script. */
  seatsPerScript: number;
  /** Dials started per script in any rolling minute. */
  dialsPerMinuteScript: number;
}

/** A call to the same number by the same company (any script), from the last HISTORY_LOOKBACK_DAYS or still in progress. */
export interface PastCall {
  /** The call task (outreach) it belongs to: a task and its redials are one outreach. */
  taskId: string;
  scriptId: string;
  category: ScriptCategory;
  dialedAt: Date;
  answered: boolean;
  /** Placed and not finished yet. */
  inProgress: boolean;
}

export type DncKind = "platform" | "vanityPattern" | "highComplaint" | "optOut";

export interface DncEntryLike {
  kind: DncKind;
  mobile: string | null;
  /** A regular expression over the 11-digit mobile (vanityPattern). */
  pattern: string | null;
}

/** The DNC entries that may concern this number, or the fact that they could not be read (→ blocked, never placed). */
export type DncLookup = { ok: true; entries: readonly DncEntryLike[] } | { ok: false };

export interface PolicyContext {
  /** The clinic's IANA time zone. */
  timeZone: string;
  category: ScriptCategory;
  limits: DialerLimits;
  /** Calls in progress (claimed, dialing or talking). */
  seats: { companyActive: number; scriptActive: number };
  /** Dials the script started in the last 60 seconds, and when the oldest of them started. */
  recentDials: { count: number; oldestAt: Date | null };
  history: readonly PastCall[];
  dnc: DncLookup;
}
