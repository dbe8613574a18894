import { zonedParts } from "../time/local-day";

/** SmsMessage.error codes written by the app itself (send-hangup-sms); anything else is the provider's own words. */
export const SMS_FAILURE_LABELS: Record<string, { "zh-CN": string; en: string }> = {
  insufficientSmsQuota: { "zh-CN": "短信余量不足", en: "Not enough SMS credits" },
  smsTemplateNotMapped: { "zh-CN": "短信模板未关联服务商模板", en: "Template not linked to a provider template" },
};

export function smsFailureLabel(error: string | null | undefined, locale: "zh-CN" | "en" = "zh-CN"): string | null {
  if (!error) return null;
  return SMS_FAILURE_LABELS[error]?.[locale] ?? error;
}

/** What 短信发送记录 shows as 状态: 已送达 once the provider's receipt said so, else the message's own status. */
export type SmsRecordStatus = "queued" | "sent" | "delivered" | "failed";

export function smsRecordStatus(row: { status: "queued" | "sent" | "failed"; deliveredAt: Date | null }): SmsRecordStatus {
  return row.status === "sent" && row.deliveredAt ? "delivered" : row.status;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** 「短信发送记录2026_12_07_04_30.xlsx」 */
export function smsExportFileName(prefix: string, now: Date, timeZone: string): string {
  const p = zonedParts(now, timeZone);
  return `${prefix}${p.year}_${pad(p.month)}_${pad(p.day)}_${pad(p.hour)}_${pad(p.minute)}.xlsx`;
}
