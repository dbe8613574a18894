import { CALL_VARIABLES } from "@/server/domain/templates/call-variables";

/**
 * 挂机短信 rules (seed §3-(5)): after a call, the script's answered or unanswered template goes to the patient;
 * 客户停机或空号时默认不发送短信. A call we withdrew ourselves (cancelled before it rang through) is not "a call" to them.
 * One message per outreach (a task with its redials): the patient hears from us once, after the first answered call or,
 * unanswered, after the last attempt — not 「未能接通」 again after every redial.
 */
export type HangupSmsSkip = "disabled" | "noSmsForOutcome" | "noTemplate" | "templateNotApproved" | "redialPending" | "outreachAlreadyTexted";

export type HangupSmsDecision =
  | { send: true; kind: "answered" | "unanswered"; templateId: string; content: string }
  | { send: false; reason: HangupSmsSkip };

export interface HangupSmsInput {
  enabled: boolean;
  /** The schema's CallOutcome (已接听, 无应答 … 停机, 空号). */
  outcome: string;
  /** The carrier's finer outcome, when known. */
  carrierOutcome?: string | null;
  answered: { id: string; content: string; status: string } | null;
  unanswered: { id: string; content: string; status: string } | null;
  /** The outreach will dial this number again (a redial is scheduled, or a later attempt already exists). */
  redialPending: boolean;
  /** Another call of the same outreach already has its hang-up SMS. */
  outreachAlreadyTexted: boolean;
}

// A wrong number (号码错误) belongs to someone else: no SMS about the patient's appointment to a stranger.
const NEVER = new Set(["emptyNumber", "suspended", "inArrears", "cancelled", "wrongNumber"]);

export function decideHangupSms(input: HangupSmsInput): HangupSmsDecision {
  if (!input.enabled) return { send: false, reason: "disabled" };
  if (input.outreachAlreadyTexted) return { send: false, reason: "outreachAlreadyTexted" };
  if (input.outcome !== "answered" && input.redialPending) return { send: false, reason: "redialPending" };
  if (NEVER.has(input.outcome) || (input.carrierOutcome && NEVER.has(input.carrierOutcome))) {
    return { send: false, reason: "noSmsForOutcome" };
  }
  const kind = input.outcome === "answered" ? "answered" : "unanswered";
  const template = kind === "answered" ? input.answered : input.unanswered;
  if (!template) return { send: false, reason: "noTemplate" };
  if (template.status !== "approved") return { send: false, reason: "templateNotApproved" };
  return { send: true, kind, templateId: template.id, content: template.content };
}

/**
 * Placeholder values for an SMS template: every call variable by key and by its Chinese name ({clinicShortName} and
 * {诊所简称}), plus the names SMS templates commonly use (患者姓名, 时间, 门店电话).
 */
export function smsPlaceholderValues(
  callValues: Readonly<Record<string, string>>,
  extra: { patientName: string; clinicPhone: string | null },
): Record<string, string> {
  const values: Record<string, string> = { 患者姓名: extra.patientName, 姓名: extra.patientName };
  if (extra.clinicPhone) {
    values.门店电话 = extra.clinicPhone;
    values.诊所电话 = extra.clinicPhone;
  }
  for (const v of CALL_VARIABLES) {
    const value = callValues[v.key];
    if (value !== undefined) {
      values[v.key] = value;
      values[v.label] = value;
    }
  }
  if (callValues.appointmentTime) values.时间 = callValues.appointmentTime;
  return values;
}

/** Fills {placeholders}; one without a value is left out rather than sent as "{…}". Reports which were missing. */
export function renderSms(content: string, values: Readonly<Record<string, string>>): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = content.replace(/\{([^{}\s]{1,20})\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined || value === "") {
      missing.push(key);
      return "";
    }
    return value;
  });
  return { text, missing };
}

/**
 * The values of a template's placeholders in the order they appear — what a provider with pre-approved templates
 * (Tencent SMS TemplateParamSet, {1} {2} …) is given instead of the rendered text. A missing value is sent empty, as
 * renderSms leaves it out of the text.
 */
export function smsTemplateParams(content: string, values: Readonly<Record<string, string>>): string[] {
  return [...content.matchAll(/\{([^{}\s]{1,20})\}/g)].map((m) => values[m[1]!] ?? "");
}
