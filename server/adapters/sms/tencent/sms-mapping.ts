import type { SmsReceipt, SmsRejected } from "@/server/ports/sms";

/**
 * Tencent Cloud SMS → our vocabulary (pure; sms-mapping.test.ts). Source: SendSms (2021-01-11) SendStatus.Code
 * ("Ok" on success, else an error code of 短信 API 3.0 发送错误码) and the 短信下发状态回调 payload.
 */

/** A SendStatus code → a final refusal (recorded, quota refunded) or "retry" (an outage: the message stays queued). */
export function sendCodeOutcome(code: string | undefined): { ok: true } | { ok: false; reason: SmsRejected["reason"] } | { ok: "retry" } {
  if (!code || code === "Ok") return code ? { ok: true } : { ok: "retry" };
  if (code === "InvalidParameterValue.IncorrectPhoneNumber" || code.startsWith("InvalidParameterValue.PhoneNumber") || code === "UnsupportedOperation.ChineseMainlandTemplateToGlobalPhone")
    return { ok: false, reason: "invalidNumber" };
  if (code === "FailedOperation.TemplateIncorrectOrUnapproved" || code === "FailedOperation.SignatureIncorrectOrUnapproved" || code.startsWith("InvalidParameterValue.TemplateParameter"))
    return { ok: false, reason: "templateRejected" };
  if (code === "FailedOperation.ContainSensitiveWord" || code === "InvalidParameterValue.ContentLengthLimit") return { ok: false, reason: "contentRejected" };
  if (code === "FailedOperation.PhoneNumberInBlacklist") return { ok: false, reason: "optedOut" };
  if (code === "FailedOperation.InsufficientBalanceInSmsPackage") return { ok: false, reason: "insufficientBalance" };
  if (code.startsWith("LimitExceeded.")) return { ok: false, reason: "rateLimited" }; // per-number daily / frequency limits
  if (code.startsWith("InternalError.") || code.startsWith("RequestLimitExceeded")) return { ok: "retry" };
  if (code.startsWith("AuthFailure") || code.startsWith("UnauthorizedOperation")) return { ok: false, reason: "unavailable" };
  return { ok: false, reason: "unavailable" };
}

/** One element of the receipt callback (a JSON array; one request may carry several messages). */
export interface TencentSmsReceipt {
  user_receive_time?: string;
  nationcode?: string;
  mobile?: string;
  report_status?: string;
  errmsg?: string;
  description?: string;
  sid?: string;
}

/** "2015-10-17 08:03:04" is Beijing time. */
export function parseBeijingTime(text: string | undefined, fallback: Date): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text ?? "");
  if (!m) return fallback;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]! - 8, +m[5]!, +m[6]!));
}

const text = (v: unknown, max = 500): string | undefined => (typeof v === "string" ? v.slice(0, max) : undefined);

/** One receipt of the pushed array, or null for anything that is not one (a receipt is read as untrusted JSON). */
export function receiptOf(raw: unknown, now: Date): SmsReceipt | null {
  if (!raw || typeof raw !== "object") return null;
  const item = raw as Record<keyof TencentSmsReceipt, unknown>;
  const sid = text(item.sid, 200);
  if (!sid || (item.report_status !== "SUCCESS" && item.report_status !== "FAIL")) return null;
  return {
    providerMessageId: sid,
    delivered: item.report_status === "SUCCESS",
    at: parseBeijingTime(text(item.user_receive_time, 40), now),
    code: text(item.errmsg, 100) ?? "",
    description: text(item.description) ?? "",
  };
}

/** E.164 for mainland mobiles, as SendSms documents (+86…). */
export const toE164 = (mobile: string) => (/^1\d{10}$/.test(mobile) ? `+86${mobile}` : mobile);
