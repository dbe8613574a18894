import { DAY_MS } from "../time/constants";
import { localDayRange } from "../time/local-day";
import { ALLOW, type Decision, type PastCall, type ScriptCategory } from "./types";

/**
 * The carriers' limits by script category (FAQ Q9), counted per number over the company's calls of that category:
 * 诊疗服务类 at most 5 calls and 3 connected per (clinic-local) day; 营销类 at most 3 calls and 1 connected per 15 days.
 */
export const CARRIER_LIMITS = {
  service: { period: "localDay", calls: 5, connected: 3 },
  marketing: { period: "rollingDays", days: 15, calls: 3, connected: 1 },
} as const satisfies Record<ScriptCategory, { period: "localDay" | "rollingDays"; days?: number; calls: number; connected: number }>;

/** Start of the period the carrier counts in for a category. */
export function carrierPeriodStart(category: ScriptCategory, now: Date, timeZone: string): Date {
  return category === "service" ? localDayRange(now, timeZone).start : new Date(now.getTime() - CARRIER_LIMITS.marketing.days * DAY_MS);
}

export function carrierInterceptionRule(category: ScriptCategory, history: readonly PastCall[], now: Date, timeZone: string): Decision {
  const from = carrierPeriodStart(category, now, timeZone).getTime();
  // Service counts from the local midnight inclusive; the rolling 15 days exclude their first instant.
  const inPeriod = (at: number) => (category === "service" ? at >= from : at > from) && at <= now.getTime();
  let calls = 0;
  let connected = 0;
  for (const call of history) {
    if (call.category !== category || !inPeriod(call.dialedAt.getTime())) continue;
    calls += 1;
    if (call.answered) connected += 1;
  }
  const limits = CARRIER_LIMITS[category];
  if (category === "service") {
    if (connected >= limits.connected) return { kind: "intercept", rule: "carrierServiceDailyConnected" };
    if (calls >= limits.calls) return { kind: "intercept", rule: "carrierServiceDailyCalls" };
  } else {
    if (connected >= limits.connected) return { kind: "intercept", rule: "carrierMarketingConnected15Days" };
    if (calls >= limits.calls) return { kind: "intercept", rule: "carrierMarketingCalls15Days" };
  }
  return ALLOW;
}
