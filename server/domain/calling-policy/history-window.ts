import { CARRIER_LIMITS } from "./carrier-interception";
import { DAY_MS } from "../time/constants";
import { OUTREACH_WINDOW_DAYS, SAME_SCRIPT_DAYS } from "./frequency-caps";

/**
 * How far back a number's calls can matter to any rule: the longest window a rule counts in — the 30-day outreach cap,
 * the 15-day same-script cap and carrier period, a clinic-local day (at most 2 calendar days back in any zone).
 */
export const HISTORY_LOOKBACK_DAYS = Math.max(OUTREACH_WINDOW_DAYS, SAME_SCRIPT_DAYS, CARRIER_LIMITS.marketing.days, 2);

/** The start of the history the rules need at `now` (exclusive). */
export function historySince(now: Date): Date {
  return new Date(now.getTime() - HISTORY_LOOKBACK_DAYS * DAY_MS);
}
