import { zonedParts, zonedTimeToInstant } from "@/server/domain/time/local-day";

/**
 * 回访任务 from calls (docs/outcomes.md): which answered calls need a person, who gets the task and by when. Pure: the
 * clock and the clinic's time zone are parameters.
 */
export type FollowUpReason = "complaint" | "callback" | "transferUnanswered" | "discomfort" | "appointment";
export const FOLLOW_UP_REASONS: readonly FollowUpReason[] = ["complaint", "callback", "transferUnanswered", "discomfort", "appointment"];
export type FollowUpOutcome = "reached" | "booked" | "notReachable" | "declined";
export const FOLLOW_UP_OUTCOMES: readonly FollowUpOutcome[] = ["reached", "booked", "notReachable", "declined"];

/** What the analysis of a call says, as far as a person is concerned. */
export interface CallNeeds {
  /** Who answered (server/domain/intent/answering-party.ts); only the patient or a relative can ask for anything. */
  reached: string | null;
  complaint: boolean;
  callbackRequested: boolean;
  /** The canonical intent (有不适 = "discomfort"). */
  canonical: string | null;
  proposedTime: string | null;
  /** The AI handed the call to a person (转人工) and nobody answered that leg (Call.transferAnswered = false). */
  transferUnanswered: boolean;
}

/**
 * The reasons a call needs a person, most urgent first. A complaint is also a 需回电 in the analysis; it is filed once,
 * as the complaint. A transfer nobody answered is the patient asking for a person who never came: filed once, as
 * 转人工未接通 (not also as the 需回电 the same words usually make), unless it is a complaint. A proposed time is an
 * appointment request whatever else was said.
 */
export function followUpReasons(call: CallNeeds): FollowUpReason[] {
  if (call.reached !== "patient" && call.reached !== "relative") return [];
  const out: FollowUpReason[] = [];
  if (call.complaint) out.push("complaint");
  else if (call.transferUnanswered) out.push("transferUnanswered");
  else if (call.callbackRequested) out.push("callback");
  if (call.canonical === "discomfort") out.push("discomfort");
  if (call.proposedTime) out.push("appointment");
  return out;
}

/** "<patientId>:<reason>" while a task is open: one open task per patient and reason. */
export const openKeyOf = (patientId: string, reason: FollowUpReason) => `${patientId}:${reason}`;

export interface AssigneeInput {
  /** The script's category: marketing scripts' patients belong to the 网电咨询师. */
  category: "marketing" | "service";
  consultantId: string | null;
  onlineConsultantId: string | null;
  /** The clinic's active front-desk users, in a stable order. */
  frontDeskIds: readonly string[];
}
export type AssigneeRule = "onlineConsultant" | "consultant" | "frontDesk" | "unassigned";

/**
 * Who does the task: for a marketing script the patient's 网电咨询师, then the 咨询师; for a service script the
 * 咨询师, then the 网电咨询师; when the patient has neither, the clinic's first front-desk user; else nobody (the
 * clinic's whole list sees it).
 */
export function assignFollowUp(input: AssigneeInput): { executorId: string | null; rule: AssigneeRule } {
  const order: [string | null, AssigneeRule][] =
    input.category === "marketing"
      ? [[input.onlineConsultantId, "onlineConsultant"], [input.consultantId, "consultant"]]
      : [[input.consultantId, "consultant"], [input.onlineConsultantId, "onlineConsultant"]];
  for (const [id, rule] of order) if (id) return { executorId: id, rule };
  const frontDesk = input.frontDeskIds[0];
  if (frontDesk) return { executorId: frontDesk, rule: "frontDesk" };
  return { executorId: null, rule: "unassigned" };
}

/** Deadlines: each clinic may set its own (设置 → 门诊), else the product's defaults. */
export interface DeadlinePolicy {
  complaintHours: number;
  /** Call-backs are due the same working day by this local hour (next working day when the call came after it). */
  callbackByHour: number;
  /** Others are due the next working day by this local hour. */
  othersByHour: number;
}
export const DEFAULT_DEADLINES: DeadlinePolicy = { complaintHours: 2, callbackByHour: 18, othersByHour: 18 };
/** The ranges a clinic may choose: complaints within 1–48 hours; call-backs and the others by a local hour 9–22. */
export const DEADLINE_LIMITS = { complaintHours: { min: 1, max: 48 }, byHour: { min: 9, max: 22 } } as const;

/** A clinic's deadlines: its own where set, the defaults elsewhere. */
export function deadlinePolicyOf(clinic: { followUpComplaintHours: number | null; followUpCallbackByHour: number | null; followUpOthersByHour: number | null }): DeadlinePolicy {
  return {
    complaintHours: clinic.followUpComplaintHours ?? DEFAULT_DEADLINES.complaintHours,
    callbackByHour: clinic.followUpCallbackByHour ?? DEFAULT_DEADLINES.callbackByHour,
    othersByHour: clinic.followUpOthersByHour ?? DEFAULT_DEADLINES.othersByHour,
  };
}

interface Wall {
  year: number;
  month: number;
  day: number;
}
const shift = (w: Wall, n: number): Wall => {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};
const isWorkingDay = (w: Wall) => {
  const wd = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return wd !== 0 && wd !== 6;
};
const nextWorkingDay = (w: Wall): Wall => {
  let d = shift(w, 1);
  while (!isWorkingDay(d)) d = shift(d, 1);
  return d;
};

/**
 * When a task is due, from the call's end in the clinic's zone (defaults in brackets, each clinic may set its own): a
 * complaint within N hours (2), whatever the day; a call-back (or a transfer nobody answered) today by H:00 (18) when the call ended on a working day
 * before then, else the next working day by H:00; everything else (有不适, a proposed time) the next working day by H:00 (18). Working days are Monday to Friday (public
 * holidays are not known to the product).
 */
export function followUpDueAt(reason: FollowUpReason, at: Date, timeZone: string, policy: DeadlinePolicy = DEFAULT_DEADLINES): Date {
  if (reason === "complaint") return new Date(at.getTime() + policy.complaintHours * 3600_000);
  const p = zonedParts(at, timeZone);
  const today: Wall = { year: p.year, month: p.month, day: p.day };
  const local = (d: Wall, hour: number) => zonedTimeToInstant({ ...d, hour }, timeZone);
  // A transfer nobody answered is a call-back the patient asked for in so many words: the same deadline.
  if (reason === "callback" || reason === "transferUnanswered") {
    if (isWorkingDay(today) && p.hour < policy.callbackByHour) return local(today, policy.callbackByHour);
    return local(nextWorkingDay(today), policy.callbackByHour);
  }
  return local(nextWorkingDay(today), policy.othersByHour);
}
