/**
 * 短信模板 rules. A template is reviewed before use (待审核 → 已审核 / 已驳回); only 已审核 ones can be a script's 挂机短信.
 * An approved template is what the carrier registered, so it is not edited in place: a new template is created instead.
 * A rejected or pending one may be edited, which submits it for review again.
 */
export type SmsTemplateStatus = "pending" | "approved" | "rejected";

export const SMS_NAME_MAX = 20;
export const SMS_CONTENT_MAX = 300;
export const SMS_REJECT_REASON_MAX = 100;

/** Characters of one SMS; longer texts are sent as a concatenated SMS of 67-character parts. */
const SINGLE = 70;
const PART = 67;

/** How many SMS (短信余量 units) one message of this content uses. */
export function smsSegments(content: string): number {
  const n = Array.from(content).length;
  if (n === 0) return 0;
  return n <= SINGLE ? 1 : Math.ceil(n / PART);
}

export const isSmsTemplateEditable = (status: SmsTemplateStatus) => status !== "approved";

export type SmsReviewDecision = { approve: true } | { approve: false; reason: string };

/** null when the template may be reviewed now, else the zh-CN message. */
export function smsReviewProblem(status: SmsTemplateStatus, decision: SmsReviewDecision): string | null {
  if (status !== "pending") return "只能审核待审核状态的短信模板";
  if (!decision.approve && !decision.reason.trim()) return "请填写驳回原因";
  return null;
}
