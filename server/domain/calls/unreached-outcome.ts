import { askedSurnameOf } from "@/server/domain/intent/answering-party";
import { calleePartyOf } from "@/server/domain/intent/party-model";
import { shippedModel } from "@/server/domain/intent/refine-with-model";
import { toCallOutcome, type CallOutcome, type CarrierOutcome } from "./call-outcome";

/**
 * Calls the carrier reports as answered whose other end was not the patient (issue 25): a voicemail, a 秘书台 / 来电提醒
 * service or phone assistant, an operator announcement played over a connected line, or a person at a wrong number.
 * Each is its own 通话状态 and counts as not reached (接听 figures, the 接通 caps); machines are redialled like an
 * unanswered call, a wrong number never (the number is flagged for the clinic instead).
 */
export type UnreachedOutcome = "voicemail" | "secretary" | "operatorMessage" | "wrongNumber";

export const UNREACHED_OUTCOMES: readonly UnreachedOutcome[] = ["voicemail", "secretary", "operatorMessage", "wrongNumber"];

export function unreachedOutcomeOf(attempt: {
  outcome: CarrierOutcome;
  turns?: readonly { speaker: "ai" | "patient"; text: string }[] | null;
}): UnreachedOutcome | null {
  // The carrier's own voicemail / assistant detection (Tencent CCC 222 voiceMailReached, a simulator's INTELLIGENT_ANSWER).
  if (attempt.outcome === "voiceAssistant") return "voicemail";
  if (attempt.outcome !== "answered") return null;
  const turns = attempt.turns ?? [];
  const party = calleePartyOf(
    turns.filter((t) => t.speaker === "patient" && t.text.trim() !== "").map((t) => t.text),
    askedSurnameOf(turns.find((t) => t.speaker === "ai")?.text),
    shippedModel()?.party,
  );
  switch (party) {
    case "voicemail":
    case "secretary":
    case "wrongNumber":
      return party;
    case "operator":
      return "operatorMessage";
    default:
      return null;
  }
}

/** What the redial policy sees: a machine is an unanswered call (redialled per the calling rules); a wrong number is final. */
export function redialOutcomeOf(outcome: UnreachedOutcome): CarrierOutcome {
  return outcome === "wrongNumber" ? "emptyNumber" : "noAnswer";
}

/** 通话状态 of a completed attempt: the carrier's, unless what answered was not the patient (voicemail, 秘书台, wrong number …). */
export function attemptOutcome(attempt: Parameters<typeof unreachedOutcomeOf>[0]): CallOutcome | UnreachedOutcome {
  return unreachedOutcomeOf(attempt) ?? toCallOutcome(attempt.outcome);
}
