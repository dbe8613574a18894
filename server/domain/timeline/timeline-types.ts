/** 跟进 = 回访 + 随访 + 智能外呼 (seed §9); a patient's 客户动态 also shows 预约 and 到诊. */
export const FOLLOW_UP_TYPES = ["revisit", "visit", "outbound"] as const;
export const TIMELINE_TYPES = [...FOLLOW_UP_TYPES, "appointment", "clinicVisit"] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];
