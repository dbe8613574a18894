import type { IntentCategory } from "./dialogue";

/**
 * Intent vocabulary (客户意向, seed Q8). Dialogue intents come from the patient's replies; the last two are given by the
 * dial engine from the call's outcome when nobody talks (未接: no answer; 无法接通: powered off, empty number …), so a
 * journey can branch on them too.
 */
export const INTENT = {
  interested: { key: "interested", label: "有意向" },
  somewhatInterested: { key: "somewhatInterested", label: "比较有意向" },
  notInterested: { key: "notInterested", label: "没意向" },
  refused: { key: "refused", label: "拒绝来电" },
  confirmed: { key: "confirmed", label: "确认到店" },
  reschedule: { key: "reschedule", label: "需要改约" },
  cancelled: { key: "cancelled", label: "取消预约" },
  undecided: { key: "undecided", label: "暂不确定" },
  satisfied: { key: "satisfied", label: "满意" },
  dissatisfied: { key: "dissatisfied", label: "不满意" },
  needsCallback: { key: "needsCallback", label: "需要人工回电" },
  recovering: { key: "recovering", label: "恢复良好" },
  discomfort: { key: "discomfort", label: "有不适" },
  notLocal: { key: "notLocal", label: "不在本地" },
  noAnswer: { key: "noAnswer", label: "未接" },
  unreachable: { key: "unreachable", label: "无法接通" },
} as const satisfies Record<string, IntentCategory>;

export type IntentKey = keyof typeof INTENT;

export const OUTCOME_INTENT_KEYS: readonly IntentKey[] = ["noAnswer", "unreachable"];

/** A template's intents: its dialogue intents, then the two outcome intents. */
export function intentsOf(...keys: IntentKey[]): IntentCategory[] {
  return [...keys, ...OUTCOME_INTENT_KEYS].map((k) => ({ ...INTENT[k] }));
}

/** 营销类: marketing invitations. */
export const MARKETING_INTENTS = intentsOf("interested", "somewhatInterested", "notInterested", "notLocal", "refused");
/** Appointment-like reminders. */
export const APPOINTMENT_INTENTS = intentsOf("confirmed", "reschedule", "cancelled", "undecided", "refused");
