import { callingWindowRule } from "./calling-window";
import { numberInCallRule, seatsRule, throttleRule } from "./capacity";
import { carrierInterceptionRule } from "./carrier-interception";
import { dncRule } from "./dnc";
import { frequencyCapsRule } from "./frequency-caps";
import type { Decision, PolicyContext, PolicyTask } from "./types";

/**
 * Whether a due call task may be dialed now. Rules run in a fixed order and the first that does not allow decides:
 * the clock first (outside 09:00–20:00 nothing else is evaluated, so caps are judged at the moment of dialing), then the
 * blocking rules (DNC, frequency caps, carrier interception), then the rules that only make a task wait for capacity.
 */
export function decide(task: PolicyTask, ctx: PolicyContext, now: Date): Decision {
  const rules: Array<() => Decision> = [
    () => callingWindowRule(now, ctx.timeZone),
    () => dncRule(task.mobile, ctx.dnc),
    () => frequencyCapsRule(task, ctx.history, now),
    () => carrierInterceptionRule(ctx.category, ctx.history, now, ctx.timeZone),
    () => numberInCallRule(task.id, ctx.history, now),
    () => seatsRule(ctx, now),
    () => throttleRule(ctx, now),
  ];
  for (const rule of rules) {
    const decision = rule();
    if (decision.kind !== "allow") return decision;
  }
  return { kind: "allow" };
}
