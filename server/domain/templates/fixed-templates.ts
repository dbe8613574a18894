import type { DialogueReply, IntentCategory, ScenarioDialogue } from "./dialogue";
import { intentsOf, type IntentKey } from "./intents";
import type { ScriptCategory, ScriptTemplateDefinition, TemplateParam } from "./template-types";

/**
 * 固定模版话术: a recorded announcement. The body is spoken as it is, with parameters substituted — 门店参数 (a clinic,
 * whose 诊所简称 {clinicShortName} and 地址 {clinicAddress} are read live) and 咨询项目 {project}. There are no call
 * variables: the same audio is played to every patient.
 */
export const CLINIC_PARAM: TemplateParam = {
  key: "clinic",
  label: "门店参数",
  required: true,
  kind: "clinic",
  hint: "话术中的诊所简称与地址取自所选门店的【门诊信息】，修改门诊信息后立即生效",
};

const PROJECT = (required: boolean, defaultValue?: string): TemplateParam => ({
  key: "project",
  label: "咨询项目",
  required,
  kind: "text",
  maxLength: 20,
  placeholder: "如：隐形矫正",
  ...(defaultValue ? { defaultValue } : {}),
});

export const FIXED_SCENARIO_NAME = "固定话术";

/** The dialogue of a fixed script: its one line, then how the patient may answer. */
export function fixedScenario(body: string, replies: DialogueReply[]): ScenarioDialogue {
  return { key: "main-1", name: FIXED_SCENARIO_NAME, rounds: [{ ai: body, replies }] };
}

function fixedTemplate(spec: {
  key: string;
  name: string;
  category: ScriptCategory;
  description: string;
  params: TemplateParam[];
  body: string;
  yes: [string, IntentKey];
  no: [string, IntentKey];
  intents: IntentCategory[];
  voiceKey: string;
  sortOrder: number;
}): ScriptTemplateDefinition {
  const replies: DialogueReply[] = [
    { text: spec.yes[0], intent: spec.yes[1], next: { kind: "end" } },
    { text: spec.no[0], intent: spec.no[1], next: { kind: "end" } },
    { text: "以后别打了", intent: "refused", next: { kind: "end" } },
  ];
  return {
    key: spec.key,
    kind: "fixed",
    name: spec.name,
    category: spec.category,
    description: spec.description,
    params: spec.params,
    intents: spec.intents,
    scenarios: [fixedScenario(spec.body, replies)],
    body: spec.body,
    voiceKey: spec.voiceKey,
    sortOrder: spec.sortOrder,
  };
}

export const FIXED_TEMPLATES: ScriptTemplateDefinition[] = [
  fixedTemplate({
    key: "fixed-appointment-reminder",
    name: "预约到店提醒（固定）",
    category: "service",
    description: "预约前一天播报到店提醒，适合与自动旅程配合每天定时外呼。",
    params: [CLINIC_PARAM, PROJECT(false)],
    body: "您好，这里是{clinicShortName}。温馨提醒您，您预约了明天到店就诊[，就诊项目为{project}]，请您按时到店。我们的地址是{clinicAddress}。如需改约，请致电门店。祝您生活愉快，再见。",
    yes: ["好的，知道了", "confirmed"],
    no: ["我要改约", "reschedule"],
    intents: intentsOf("confirmed", "reschedule", "refused"),
    voiceKey: "xiaoya",
    sortOrder: 101,
  }),
  fixedTemplate({
    key: "fixed-checkup-recall",
    name: "定期检查召回（固定）",
    category: "service",
    description: "播报定期口腔检查提醒，邀请患者预约检查。",
    params: [CLINIC_PARAM, PROJECT(true, "洁牙和口腔检查")],
    body: "您好，这里是{clinicShortName}。距离您上次口腔检查已经有一段时间了，医生建议您每半年做一次{project}，及早发现口腔问题。欢迎您近期到店，地址是{clinicAddress}。如需预约，请致电门店。祝您生活愉快，再见。",
    yes: ["好的，我约个时间", "interested"],
    no: ["不需要", "notInterested"],
    intents: intentsOf("interested", "notInterested", "refused"),
    voiceKey: "wanqing",
    sortOrder: 102,
  }),
  fixedTemplate({
    key: "fixed-consult-invite",
    name: "项目咨询邀约（固定）",
    category: "marketing",
    description: "播报指定咨询项目的到店邀约，适合正畸、种植等专项活动。",
    params: [CLINIC_PARAM, PROJECT(true), { key: "offer", label: "活动优惠", required: false, kind: "text", maxLength: 40, placeholder: "如：面诊免费" }],
    body: "您好，这里是{clinicShortName}。我们近期开展{project}专项咨询活动[，{offer}]，由专业医生为您一对一面诊并制定方案。欢迎您到店咨询，地址是{clinicAddress}。祝您生活愉快，再见。",
    yes: ["嗯嗯，我有兴趣", "interested"],
    no: ["没兴趣", "notInterested"],
    intents: intentsOf("interested", "notInterested", "refused"),
    voiceKey: "chenlei",
    sortOrder: 103,
  }),
  fixedTemplate({
    key: "fixed-missed-appointment",
    name: "爽约关怀（固定）",
    category: "service",
    description: "患者未按预约到店时播报关怀提醒，引导重新预约。",
    params: [CLINIC_PARAM],
    body: "您好，这里是{clinicShortName}。您今天的预约没有按时到店，如果是临时有事耽误了，欢迎您致电门店重新预约。我们的地址是{clinicAddress}。祝您生活愉快，再见。",
    yes: ["好的，我再约", "reschedule"],
    no: ["不用了", "cancelled"],
    intents: intentsOf("reschedule", "cancelled", "refused"),
    voiceKey: "xiaoya",
    sortOrder: 104,
  }),
  fixedTemplate({
    key: "fixed-holiday-notice",
    name: "节假日营业通知（固定）",
    category: "service",
    description: "播报节假日营业时间安排，避免患者白跑一趟。",
    params: [
      CLINIC_PARAM,
      { key: "holiday", label: "节假日", required: true, kind: "text", maxLength: 10, placeholder: "如：春节" },
      { key: "hours", label: "营业安排", required: true, kind: "text", maxLength: 40, placeholder: "如：2月9日至2月12日休息，2月13日起正常营业" },
    ],
    body: "您好，这里是{clinicShortName}。{holiday}期间我们的营业安排是：{hours}。如已有预约，请留意时间安排。我们的地址是{clinicAddress}。祝您节日快乐，再见。",
    yes: ["好的，知道了", "confirmed"],
    no: ["我要改约", "reschedule"],
    intents: intentsOf("confirmed", "reschedule", "refused"),
    voiceKey: "xiaoya",
    sortOrder: 105,
  }),
];
