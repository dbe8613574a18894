import type { InterceptRule, DeferRule } from "../calling-policy/types";
import { vendorReasonLabel } from "../vendor/vendor-errors";

/** Why a task could not be created (stored as CallTask.reason with status failed), in the seed's wording. */
export type CreationFailure =
  | "scriptStopped"
  | "noMobile"
  | "mobileNotOwn"
  | "invalidMobile"
  | "notRegistered"
  | "clinicNotOpened"
  | "clinicNotInScript"
  | "missingNextAppointment"
  | "missingLastDeduction"
  | "missingLastVisit"
  | "missingExpiringBenefit";

/** Reasons the dialer writes on a task as it moves through its life. */
export type LifecycleReason =
  | "redialScheduled"
  | "claimRecovered"
  | "carrierRejected"
  | "carrierFailed"
  | "wrongNumber"
  | "scriptPaused"
  | "batchCancelled";

export type CallTaskReason = CreationFailure | LifecycleReason | InterceptRule | DeferRule;

type Labels = { "zh-CN": string; en: string };

/** The one place reason codes become words. Creation failures use the seed's 失败原因 wording. */
export const CALL_TASK_REASON_LABELS: Record<CallTaskReason, Labels> = {
  scriptStopped: { "zh-CN": "话术停用", en: "Script stopped" },
  noMobile: { "zh-CN": "客户暂无手机号", en: "No mobile number" },
  mobileNotOwn: { "zh-CN": "手机号非本人（如家属号码），不外呼", en: "The number is not the patient's own (e.g. a relative's); not called" },
  invalidMobile: { "zh-CN": "手机号无效（非大陆手机号）", en: "Invalid number (not a mainland mobile)" },
  notRegistered: { "zh-CN": "客户不是建档患者", en: "Not a registered patient" },
  clinicNotOpened: { "zh-CN": "门店未开通智能外呼", en: "Clinic not opened for AI calls" },
  clinicNotInScript: { "zh-CN": "话术不适用该门店", en: "Script not available to this clinic" },
  missingNextAppointment: { "zh-CN": "缺少下次预约信息", en: "No upcoming appointment" },
  missingLastDeduction: { "zh-CN": "缺少最近一次执行划扣信息", en: "No recent treatment deduction" },
  missingLastVisit: { "zh-CN": "缺少最近一次到访信息", en: "No recent visit" },
  missingExpiringBenefit: { "zh-CN": "缺少临期权益信息", en: "No expiring benefit" },
  redialScheduled: { "zh-CN": "等待重拨", en: "Redial scheduled" },
  claimRecovered: { "zh-CN": "外呼中断，已重新排队", en: "Dial interrupted, queued again" },
  carrierRejected: { "zh-CN": "线路繁忙，稍后重试", en: "Carrier busy, retrying shortly" },
  carrierFailed: { "zh-CN": "未知异常code码", en: "Unknown carrier error code" },
  scriptPaused: { "zh-CN": "话术暂停", en: "Script paused" },
  batchCancelled: { "zh-CN": "外呼批次已取消", en: "Call batch cancelled" },
  wrongNumber: { "zh-CN": "号码错误：接听人不是本人", en: "Wrong number: not the patient" },
  outsideCallingWindow: { "zh-CN": "不在外呼时段（9:00-20:00），9:00自动开启", en: "Outside 09:00–20:00; resumes at 09:00" },
  numberInCall: { "zh-CN": "该号码正在通话中", en: "Number already in a call" },
  companySeatsFull: { "zh-CN": "企业座席已满", en: "Company seats full" },
  scriptSeatsFull: { "zh-CN": "话术座席已满", en: "Script seats full" },
  scriptThrottled: { "zh-CN": "超过每分钟外呼上限", en: "Per-minute dial limit reached" },
  dncPlatform: { "zh-CN": "禁呼名单：重要号码", en: "Do-not-call: important number" },
  dncVanityNumber: { "zh-CN": "禁呼名单：靓号", en: "Do-not-call: vanity number" },
  dncHighComplaint: { "zh-CN": "禁呼名单：高投诉风险号码", en: "Do-not-call: high complaint risk" },
  dncOptOut: { "zh-CN": "禁呼名单：客户要求不再来电", en: "Do-not-call: patient opted out" },
  dncLookupFailed: { "zh-CN": "禁呼名单查询失败，已拦截", en: "Do-not-call lookup failed; blocked" },
  sameScriptWithin15Days: { "zh-CN": "同一手机号15天内限拨打1次", en: "Same script within 15 days" },
  outreachesWithin30Days: { "zh-CN": "同一手机号30天内限拨打4次", en: "Four outreaches within 30 days" },
  carrierServiceDailyCalls: { "zh-CN": "运营商拦截：诊疗服务类每日限呼叫5次", en: "Carrier: 5 service calls per day" },
  carrierServiceDailyConnected: { "zh-CN": "运营商拦截：诊疗服务类每日限接通3次", en: "Carrier: 3 connected service calls per day" },
  carrierMarketingCalls15Days: { "zh-CN": "运营商拦截：营销类15日限呼叫3次", en: "Carrier: 3 marketing calls per 15 days" },
  carrierMarketingConnected15Days: { "zh-CN": "运营商拦截：营销类15日限接通1次", en: "Carrier: 1 connected marketing call per 15 days" },
};

/** Refusals of a carrier without documented codes (the simulator): `carrier:<reason>`. */
const CARRIER_REASON_LABELS: Record<string, Labels> = {
  "carrier:insufficientBalance": { "zh-CN": "外呼线路余额不足", en: "Carrier balance used up" },
  "carrier:unavailable": { "zh-CN": "外呼线路不可用", en: "Carrier unavailable" },
  "carrier:rateLimited": { "zh-CN": "线路繁忙，稍后重试", en: "Carrier busy, retrying shortly" },
};

/** Journey rosters (旅程名单) word the missing appointment as the seed's 下发失败 reason 「客户未找到预约信息」. */
const ROSTER_OVERRIDES: Partial<Record<CallTaskReason, Labels>> = {
  missingNextAppointment: { "zh-CN": "客户未找到预约信息", en: "No appointment found" },
};

export function isCallTaskReason(code: string): code is CallTaskReason {
  return Object.hasOwn(CALL_TASK_REASON_LABELS, code);
}

/** A stored reason in words; an unknown code shows as itself. */
export function callTaskReasonLabel(
  code: string | null | undefined,
  locale: "zh-CN" | "en" = "zh-CN",
  surface: "task" | "roster" = "task",
): string | null {
  if (!code) return null;
  if (!isCallTaskReason(code)) return vendorReasonLabel(code, locale) ?? CARRIER_REASON_LABELS[code]?.[locale] ?? code;
  return ((surface === "roster" && ROSTER_OVERRIDES[code]) || CALL_TASK_REASON_LABELS[code])[locale];
}
