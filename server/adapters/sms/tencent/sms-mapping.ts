import type { SmsReceipt, SmsRejected } from "@/server/ports/sms";
import { vendorErrorRow } from "@/server/domain/vendor/vendor-errors";

/**
 * Tencent Cloud SMS → our vocabulary (pure; sms-mapping.test.ts). Source: SendSms (2021-01-11) SendStatus.Code
 * ("Ok" on success, else an error code of 短信 API 3.0 发送错误码) and the 短信下发状态回调 payload.
 */

/**
 * A SendStatus code → a final refusal (recorded, quota refunded) or "retry" (an outage: the message stays queued and the
 * call-ended job's bounded retries send it again). The code's disposition comes from the documented table
 * (server/domain/vendor/vendor-errors.ts, SMS_ERRORS); the reason is the port's word for it.
 */
export function sendCodeOutcome(code: string | undefined): { ok: true } | { ok: false; reason: SmsRejected["reason"] } | { ok: "retry" } {
  if (!code) return { ok: "retry" };
  if (code === "Ok") return { ok: true };
  const row = vendorErrorRow("sms", code);
  if (!row) return code.startsWith("InternalError") || code.startsWith("RequestLimitExceeded") ? { ok: "retry" } : { ok: false, reason: "unavailable" };
  switch (row.disposition) {
    case "outcomeUnknown":
      return { ok: "retry" };
    case "badNumber":
      return { ok: false, reason: "invalidNumber" };
    case "patientNotNow":
      return { ok: false, reason: code === "FailedOperation.PhoneNumberInBlacklist" ? "optedOut" : "rateLimited" };
    case "slowDown":
      return { ok: false, reason: "rateLimited" };
    case "accountHold":
      // No balance and arrears are "no balance", not "unavailable": 短信余量 / 欠费 is what the admin must fix.
      if (code === "FailedOperation.InsufficientBalanceInSmsPackage" || code === "UnauthorizedOperation.SerivceSuspendDueToArrears") return { ok: false, reason: "insufficientBalance" };
      if (code === "FailedOperation.SignatureIncorrectOrUnapproved") return { ok: false, reason: "templateRejected" };
      return { ok: false, reason: "unavailable" };
    case "ourBug":
      if (/Template/.test(code)) return { ok: false, reason: "templateRejected" };
      if (code === "FailedOperation.ContainSensitiveWord" || code === "InvalidParameterValue.ContentLengthLimit") return { ok: false, reason: "contentRejected" };
      return { ok: false, reason: "unavailable" };
    default:
      return { ok: false, reason: "unavailable" };
  }
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
