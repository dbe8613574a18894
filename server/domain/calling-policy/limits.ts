import type { DialerLimits } from "./types";

/**
 * The product's dialer limits (seed §7 notices 2 and 4), defined here and nowhere else: 1000 座席 per company, 50 per
 * enabled script (「1分钟大约打40-60个电话」: at most 60 dials started per script in any minute), one redial 30 minutes
 * after a retryable outcome (2 attempts in all). Customer service may give a company its own (the Company columns; null =
 * the product's), so every reader resolves them with `companyLimits`.
 */
export const PRODUCT_LIMITS = {
  seatLimit: 1000,
  seatsPerScript: 50,
  dialsPerMinuteScript: 60,
  redialMaxAttempts: 2,
  redialIntervalMin: 30,
} as const satisfies CompanyLimits;

export interface CompanyLimits extends DialerLimits {
  /** Attempts of a task in all, the first dial included (clamped by effectiveMaxAttempts). */
  redialMaxAttempts: number;
  /** Minutes from the end of a retryable attempt to its redial. */
  redialIntervalMin: number;
}

/** A company's configured limits as stored: null (or absent) means the product's. */
export type ConfiguredLimits = { [K in keyof CompanyLimits]?: number | null };

export function companyLimits(configured: ConfiguredLimits): CompanyLimits {
  const pick = (key: keyof CompanyLimits) => configured[key] ?? PRODUCT_LIMITS[key];
  return {
    seatLimit: pick("seatLimit"),
    seatsPerScript: pick("seatsPerScript"),
    dialsPerMinuteScript: pick("dialsPerMinuteScript"),
    redialMaxAttempts: pick("redialMaxAttempts"),
    redialIntervalMin: pick("redialIntervalMin"),
  };
}
