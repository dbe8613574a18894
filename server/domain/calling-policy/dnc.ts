import { ALLOW, type Decision, type DncEntryLike, type DncLookup, type InterceptRule } from "./types";

const RULE_BY_KIND: Record<DncEntryLike["kind"], InterceptRule> = {
  platform: "dncPlatform",
  vanityPattern: "dncVanityNumber",
  highComplaint: "dncHighComplaint",
  optOut: "dncOptOut",
};

/**
 * Which DNC entry bars this number: exact numbers (platform, high-complaint, the company's opt-outs) or a vanity
 * pattern (靓号 such as 15888888888). A pattern that does not compile makes the whole lookup unusable: "error".
 */
export function matchDnc(mobile: string, entries: readonly DncEntryLike[]): DncEntryLike | null | "error" {
  for (const entry of entries) {
    if (entry.kind === "vanityPattern") {
      if (!entry.pattern) continue;
      let re: RegExp;
      try {
        re = new RegExp(entry.pattern);
      } catch {
        return "error";
      }
      if (re.test(mobile)) return entry;
    } else if (entry.mobile === mobile) {
      return entry;
    }
  }
  return null;
}

/** 禁呼名单 (FAQ Q10). Fails closed: when the list cannot be read the call is blocked, never placed. */
export function dncRule(mobile: string, dnc: DncLookup): Decision {
  if (!dnc.ok) return { kind: "intercept", rule: "dncLookupFailed" };
  const hit = matchDnc(mobile, dnc.entries);
  if (hit === "error") return { kind: "intercept", rule: "dncLookupFailed" };
  if (hit) return { kind: "intercept", rule: RULE_BY_KIND[hit.kind] };
  return ALLOW;
}
