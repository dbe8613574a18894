import { dispositionOf, slowDownDelayMs, vendorErrorRow, vendorReasonCode, VENDOR_REFUSAL_CAP, type VendorDisposition } from "./vendor-errors";

/** A carrier's refusal of one placement, as the dialer receives it. */
export interface Refusal {
  /** The documented vendor code, when the carrier has one (Tencent CCC). */
  vendor?: { api: "ccc"; code: string };
  /** The port's coarse reason (the simulator has only this). */
  reason: "rateLimited" | "invalidNumber" | "insufficientBalance" | "unavailable";
}

export type RefusalDecision =
  /** dialing → pending at `at`; the task's refusal count goes up. */
  | { kind: "retry"; at: Date; reason: string; disposition: VendorDisposition }
  /** dialing → failed with `reason` (ourBug also logs an alert). */
  | { kind: "fail"; reason: string; disposition: VendorDisposition; alert: boolean }
  /** dialing → intercepted with `reason` (the vendor will not let us call this patient). */
  | { kind: "intercept"; reason: string; disposition: VendorDisposition }
  /** The account cannot call: the company is held with `holdCode`; the task goes back untouched (not counted). */
  | { kind: "hold"; holdCode: string; at: Date; disposition: VendorDisposition };

const LEGACY: Record<Refusal["reason"], VendorDisposition> = {
  rateLimited: "slowDown",
  invalidNumber: "badNumber",
  insufficientBalance: "accountHold",
  unavailable: "unclassified",
};

/** The stored reason / hold code of a refusal: `vendor:ccc:<code>`, or `carrier:<reason>` without a vendor code. */
export const refusalCode = (r: Refusal) => (r.vendor ? vendorReasonCode(r.vendor.api, r.vendor.code) : `carrier:${r.reason}`);

/**
 * What one refusal does to its task and company (docs/carrier.md, "Vendor errors"): never a retry without bound — a
 * task refused VENDOR_REFUSAL_CAP times in a row stops being retried, and codes we cannot place hold the account after
 * UNKNOWN_CODE_HOLD_AFTER in a row (`unknownStreak` = the company's streak before this refusal).
 */
export function decideRefusal(r: Refusal, ctx: { taskRefusals: number; unknownStreak: number; now: Date }): RefusalDecision {
  const disposition: VendorDisposition = r.vendor ? dispositionOf(r.vendor.api, r.vendor.code, ctx.unknownStreak) : legacyDisposition(r, ctx.unknownStreak);
  const code = refusalCode(r);
  const n = ctx.taskRefusals + 1;
  const later = (ms: number) => new Date(ctx.now.getTime() + ms);
  switch (disposition) {
    case "badNumber":
      return { kind: "fail", reason: r.vendor ? code : "invalidMobile", disposition, alert: false };
    case "ourBug":
      return { kind: "fail", reason: code, disposition, alert: true };
    case "accountHold":
      return { kind: "hold", holdCode: code, at: ctx.now, disposition };
    case "patientNotNow": {
      const row = r.vendor ? vendorErrorRow(r.vendor.api, r.vendor.code) : null;
      const wait = row?.retryAfterMin;
      if (wait === null || wait === undefined || n >= VENDOR_REFUSAL_CAP) return { kind: "intercept", reason: code, disposition };
      return { kind: "retry", at: later(wait * 60_000), reason: code, disposition };
    }
    default: // slowDown, outcomeUnknown handled by the caller, unclassified below the streak
      if (n >= VENDOR_REFUSAL_CAP) return { kind: "fail", reason: code, disposition, alert: true };
      return { kind: "retry", at: later(slowDownDelayMs(n)), reason: r.vendor ? code : "carrierRejected", disposition };
  }
}

function legacyDisposition(r: Refusal, unknownStreak: number): VendorDisposition {
  const d = LEGACY[r.reason];
  if (d !== "unclassified") return d;
  return dispositionOf("ccc", null, unknownStreak);
}

/** Whether this refusal continues the company's streak of codes we cannot place. */
export const isUnplacedCode = (r: Refusal) =>
  r.vendor ? vendorErrorRow(r.vendor.api, r.vendor.code)?.disposition === "unclassified" || !vendorErrorRow(r.vendor.api, r.vendor.code) : r.reason === "unavailable";
