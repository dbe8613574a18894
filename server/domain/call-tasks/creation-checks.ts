import { dataRequirementsOf, type CallDataRequirement } from "../templates/call-variables";
import { dialogueTexts } from "../templates/compose-dialogues";
import type { ScenarioDialogue } from "../templates/dialogue";
import { isMainlandMobile } from "../patients/mobile";
import type { CreationFailure } from "./reasons";

export type PatientDataRequirement = Exclude<CallDataRequirement, "clinic">;

export interface CreationFacts {
  scriptStatus: "enabled" | "paused" | "stopped";
  patient: { mobile: string | null; hasOwnMobile: boolean; registered: boolean };
  clinic: { opened: boolean; inScript: boolean };
  /** What the script's dialogue speaks about the patient (from its call variables). */
  requirements: readonly CallDataRequirement[];
  /** Which of those the patient has: a next appointment, a last 划扣, a last visit, an expiring benefit. */
  has: Readonly<Record<PatientDataRequirement, boolean>>;
}

const MISSING: Record<PatientDataRequirement, CreationFailure> = {
  appointment: "missingNextAppointment",
  deduction: "missingLastDeduction",
  visit: "missingLastVisit",
  benefit: "missingExpiringBenefit",
};

/** Checked in this order so a patient gets the first, most basic reason. */
const REQUIREMENT_ORDER: readonly PatientDataRequirement[] = ["appointment", "deduction", "visit", "benefit"];

/**
 * The creation-time checks of a call task (seed §6 roster and §7 失败原因): a stopped script (话术停用), no mobile of the
 * patient's own (客户暂无手机号; 手机号非本人 for a number marked 非本人, FAQ Q7; 手机号无效), not registered (客户不是建档患者), the clinic not opened or not among the script's
 * 适用门店, and the patient data the script speaks about (缺少下次预约信息 …). Null means the task can be created.
 * A paused script still accepts tasks (seed §7: 暂停期间仍可以添加客户).
 */
export function checkTaskCreation(facts: CreationFacts): CreationFailure | null {
  if (facts.scriptStatus === "stopped") return "scriptStopped";
  const { mobile, hasOwnMobile, registered } = facts.patient;
  if (!mobile) return "noMobile";
  // A number marked 非本人 is displayed with the patient, so 「客户暂无手机号」 would be untrue: say why it is not called.
  if (!hasOwnMobile) return "mobileNotOwn";
  if (!isMainlandMobile(mobile)) return "invalidMobile";
  if (!registered) return "notRegistered";
  if (!facts.clinic.opened) return "clinicNotOpened";
  if (!facts.clinic.inScript) return "clinicNotInScript";
  for (const req of REQUIREMENT_ORDER) {
    if (facts.requirements.includes(req) && !facts.has[req]) return MISSING[req];
  }
  return null;
}

/** 临期权益: an unused benefit that expires within this many days (and has not expired yet). */
export const EXPIRING_BENEFIT_DAYS = 30;

/** The patient data a script's dialogue speaks about ({appointmentTime} → a next appointment …). */
export function patientRequirements(dialogues: { scenarios: readonly ScenarioDialogue[] }): PatientDataRequirement[] {
  return dataRequirementsOf(dialogueTexts(dialogues)).filter((r): r is PatientDataRequirement => r !== "clinic");
}
