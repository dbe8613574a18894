/** Our one outcome vocabulary (what a carrier adapter maps its codes onto). The schema's CallOutcome holds the ones the product shows. */
export type CarrierOutcome =
  | "answered"
  | "noAnswer"
  | "busy"
  | "rejected"
  | "poweredOff"
  | "emptyNumber"
  | "suspended"
  | "inArrears"
  | "unreachable"
  | "networkBusy"
  | "carrierBlocked"
  | "voiceAssistant"
  | "cancelled"
  | "failed";

/** 通话状态 (the schema's CallOutcome). */
export type CallOutcome = "answered" | "noAnswer" | "busy" | "rejected" | "poweredOff" | "emptyNumber" | "suspended" | "failed";

/** Maps the carrier vocabulary onto the schema's CallOutcome (what 通话状态 shows). */
export function toCallOutcome(outcome: CarrierOutcome): CallOutcome {
  switch (outcome) {
    case "answered":
    case "noAnswer":
    case "busy":
    case "rejected":
    case "poweredOff":
    case "emptyNumber":
    case "suspended":
      return outcome;
    case "inArrears":
      return "suspended";
    case "unreachable":
      return "noAnswer";
    default: // voiceAssistant (a phone assistant answered: the patient was not reached), carrierBlocked, networkBusy, cancelled, failed
      return "failed";
  }
}
