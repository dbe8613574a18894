/** The seed's dental vocabulary: patient profiles, treatment items and what they lead to (deductions, benefits, follow-ups). */

export const PATIENT_TAGS = ["正畸意向", "种植意向", "洁牙", "儿童", "美白", "沉睡客户", "会员"] as const;

export const DENTAL_ITEMS = [
  "洁牙",
  "复诊",
  "正畸复诊",
  "种植咨询",
  "补牙",
  "根管治疗",
  "拔牙",
  "儿童涂氟",
  "窝沟封闭",
  "牙齿美白",
] as const;
export type DentalItem = (typeof DENTAL_ITEMS)[number];

export type Profile = "child" | "ortho" | "implant" | "general";

export const PROFILE_WEIGHTS: readonly (readonly [Profile, number])[] = [
  ["child", 12],
  ["ortho", 15],
  ["implant", 10],
  ["general", 63],
];

export const PROFILE_AGES: Record<Profile, readonly [number, number]> = {
  child: [4, 12],
  ortho: [12, 35],
  implant: [40, 75],
  general: [18, 70],
};

export const PROFILE_ITEMS: Record<Profile, readonly (readonly [DentalItem, number])[]> = {
  child: [["儿童涂氟", 35], ["窝沟封闭", 25], ["补牙", 15], ["复诊", 15], ["洁牙", 10]],
  ortho: [["正畸复诊", 60], ["洁牙", 15], ["复诊", 15], ["补牙", 10]],
  implant: [["种植咨询", 35], ["复诊", 25], ["拔牙", 15], ["洁牙", 15], ["根管治疗", 10]],
  general: [["洁牙", 30], ["补牙", 18], ["复诊", 15], ["根管治疗", 12], ["拔牙", 10], ["牙齿美白", 8], ["种植咨询", 7]],
};

/** 划扣 item and price range (yuan) for a performed appointment item. */
export const DEDUCTIONS: Record<DentalItem, { item: string; min: number; max: number; p: number }> = {
  洁牙: { item: "洁牙", min: 198, max: 398, p: 0.85 },
  复诊: { item: "复诊处置", min: 50, max: 300, p: 0.3 },
  正畸复诊: { item: "正畸分期治疗", min: 500, max: 3000, p: 0.8 },
  种植咨询: { item: "种植体植入", min: 6800, max: 16800, p: 0.25 },
  补牙: { item: "树脂补牙", min: 300, max: 900, p: 0.9 },
  根管治疗: { item: "根管治疗", min: 1500, max: 3500, p: 0.9 },
  拔牙: { item: "拔牙", min: 200, max: 1500, p: 0.9 },
  儿童涂氟: { item: "儿童涂氟", min: 100, max: 200, p: 0.85 },
  窝沟封闭: { item: "窝沟封闭", min: 150, max: 600, p: 0.85 },
  牙齿美白: { item: "冷光美白", min: 1280, max: 2980, p: 0.9 },
};

export const BENEFITS: Record<Profile, readonly string[]> = {
  child: ["涂氟套餐次卡", "窝沟封闭券", "儿童口腔检查券"],
  ortho: ["正畸保持器更换券", "洁牙券"],
  implant: ["种植术后维护券", "洁牙券"],
  general: ["洁牙券", "美白体验券", "会员口腔检查券"],
};

export interface FollowUpRule {
  kind: "revisit" | "visit";
  title: string;
  content: string;
  afterDays: number;
  p: number;
}

export const FOLLOW_UPS: Partial<Record<DentalItem, FollowUpRule>> = {
  根管治疗: { kind: "revisit", title: "术后回访", content: "询问术后疼痛、肿胀情况，提醒按时复诊完成冠修复", afterDays: 1, p: 0.9 },
  拔牙: { kind: "revisit", title: "术后回访", content: "询问拔牙创口出血、疼痛情况，提醒遵医嘱用药", afterDays: 1, p: 0.9 },
  种植咨询: { kind: "revisit", title: "种植咨询回访", content: "了解种植方案考虑情况，解答费用与疗程疑问", afterDays: 3, p: 0.8 },
  洁牙: { kind: "revisit", title: "洁牙后回访", content: "询问牙齿敏感情况，提醒半年后复查洁牙", afterDays: 2, p: 0.6 },
  补牙: { kind: "revisit", title: "补牙后回访", content: "询问咬合及冷热敏感情况", afterDays: 3, p: 0.5 },
  牙齿美白: { kind: "revisit", title: "美白后回访", content: "询问美白效果及敏感情况，提醒避免深色饮食", afterDays: 7, p: 0.7 },
  正畸复诊: { kind: "visit", title: "正畸随访", content: "提醒按时复诊，关注牙套佩戴及口腔卫生", afterDays: 28, p: 0.8 },
  儿童涂氟: { kind: "visit", title: "儿童口腔随访", content: "提醒家长三个月后复涂氟，关注孩子刷牙习惯", afterDays: 90, p: 0.5 },
  窝沟封闭: { kind: "visit", title: "儿童口腔随访", content: "检查封闭剂是否脱落，提醒定期检查", afterDays: 180, p: 0.4 },
};

export const REVISIT_RESULTS = [
  "患者反馈无明显不适，已告知注意事项",
  "轻微冷热敏感，已嘱咐使用抗敏牙膏，一周后再观察",
  "患者满意，已预约半年后复查",
  "电话未接通，已发送短信提醒",
  "患者反馈仍有轻微疼痛，已建议到店复查",
];

export const VISIT_RESULTS = [
  "已预约下次复诊时间",
  "患者表示近期工作忙，下月再约",
  "牙套佩戴良好，按计划复诊",
  "家长已知晓，近期安排到店",
];

/** Patient mobiles the platform DNC list blocks (vanity / important / high-complaint), put on a few patients. */
export const SPECIAL_MOBILES_A = ["15888888888", "13912345678", "13666666666", "13812388888", "18900001234"] as const;
export const SPECIAL_MOBILES_OTHER = ["13666666666", "18612345678"] as const;
