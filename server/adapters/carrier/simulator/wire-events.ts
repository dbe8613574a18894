import type { SimCallPlan } from "./plan-call";
import type { WireCallRecord } from "./wire-format";

/** The fields every pushed event of a call carries; the event id is stable per call and kind, so a re-push dedupes. */
export function wireHeader(plan: Pick<SimCallPlan, "carrierCallId" | "clientRef">, kind: string, at: number) {
  return { event_id: `${plan.carrierCallId}.${kind}`, occurred_at: new Date(at).toISOString(), call_id: plan.carrierCallId, out_id: plan.clientRef };
}

/** The vendor's call record (CDR): times consistent with the ring and talk durations. */
export function wireCallRecord(plan: SimCallPlan, startIso: string, at: number): WireCallRecord {
  const start = Date.parse(startIso);
  const answer = plan.outcome === "answered" ? start + plan.ringSeconds * 1000 : null;
  const end = (answer ?? start + plan.ringSeconds * 1000) + plan.talkSeconds * 1000;
  return {
    ...wireHeader(plan, "record", at),
    event_type: "call_record",
    status_code: plan.rawCode,
    caller: plan.callerId,
    callee: plan.callee,
    start_time: startIso,
    answer_time: answer === null ? null : new Date(answer).toISOString(),
    end_time: new Date(end).toISOString(),
    ring_duration: plan.ringSeconds,
    talk_duration: plan.talkSeconds,
    hangup_side: plan.hangupBy === "callee" ? "CALLEE" : plan.hangupBy === "bot" ? "ROBOT" : "SYSTEM",
    dialogue: plan.turns.map((t) => ({ role: t.speaker === "ai" ? "robot" : "customer", content: t.text, offset: t.at })),
    rounds: plan.rounds,
    ...(plan.transfer ? { transfer: { skill_group: plan.transfer.skillGroup, answered: plan.transfer.answered } } : {}),
  };
}
