import { branchReplies, commonScenarios, next, reply, round, scenario } from "./blueprint";
import { MARKETING_INTENTS } from "./intents";
import type { ScriptTemplateDefinition, TemplateParam } from "./template-types";

/**
 * 营销类 AI templates: invitations. They share one flow — opener, booking, closing; a gentle second try for the
 * hesitant (主流程-2); the shared scenarios — and differ in wording and parameters.
 */
interface MarketingSpec {
  key: string;
  name: string;
  description: string;
  params: TemplateParam[];
  /** The first AI line (after which the patient says yes / maybe / no). */
  opener: string;
  interestedReply: string;
  /** 主流程-2: the second try. */
  persuade: string;
  oneLiner: string;
  priceOrAddress: string;
  voiceKey: string;
  sortOrder: number;
}

const OFFER: TemplateParam = { key: "offer", label: "活动优惠", required: false, kind: "text", placeholder: "如：到店即享免费口腔检查" };
const DEADLINE: TemplateParam = { key: "deadline", label: "活动截止", required: false, kind: "text", placeholder: "如：本月31日", maxLength: 20 };

function marketingTemplate(spec: MarketingSpec): ScriptTemplateDefinition {
  return {
    key: spec.key,
    kind: "ai",
    name: spec.name,
    category: "marketing",
    description: spec.description,
    params: spec.params,
    intents: MARKETING_INTENTS,
    scenarios: [
      scenario(
        "main-1",
        round(
          spec.opener,
          reply(spec.interestedReply, "interested"),
          reply("嗯嗯", "interested"),
          reply("还没想好，先了解一下吧", "somewhatInterested", next.to("main-2")),
          reply("不需要，谢谢", "notInterested", next.to("main-2")),
          reply("大概多少钱？你们在哪儿？", undefined, next.to("asks-price-address")),
          ...branchReplies(),
        ),
        round(
          "好的，那我先帮您预约一个到店时间，到店后医生会为您做详细检查和讲解。您看这周六还是周日方便？",
          reply("周六上午吧", "interested"),
          reply("我看看时间再说", "somewhatInterested"),
        ),
        round("好的，稍后门店的工作人员会和您确认具体时间，我们的地址是{clinicAddress}。期待您的到来，再见！"),
      ),
      scenario(
        "main-2",
        round(spec.persuade, reply("那先帮我约一个吧", "interested"), reply("不用了，谢谢", "notInterested")),
        round("好的，感谢您的接听，有需要随时联系{clinicShortName}。祝您生活愉快，再见！"),
      ),
      ...commonScenarios({
        oneLiner: spec.oneLiner,
        laterIntent: "somewhatInterested",
        callbackIntent: "somewhatInterested",
        priceOrAddress: spec.priceOrAddress,
        comesIntent: "interested",
      }),
    ],
    voiceKey: spec.voiceKey,
    sortOrder: spec.sortOrder,
  };
}

const GREETING = "您好，请问是{patientTitle}吗？我是{clinicShortName}的";

export const MARKETING_TEMPLATES: ScriptTemplateDefinition[] = [
  marketingTemplate({
    key: "ortho-invite",
    name: "正畸意向邀约",
    description: "邀约有矫正意向的患者到店做正畸面诊，介绍矫正方案与活动。",
    params: [
      {
        key: "project",
        label: "咨询项目",
        required: true,
        kind: "select",
        options: ["隐形矫正", "金属托槽矫正", "陶瓷托槽矫正", "儿童早期矫治"],
        defaultValue: "隐形矫正",
      },
      OFFER,
      DEADLINE,
    ],
    opener: `${GREETING}正畸顾问助理。了解到您之前对牙齿矫正比较关注，我们近期有{project}的专场咨询[，{offer}][，活动到{deadline}截止]。请问您最近有考虑做牙齿矫正吗？`,
    interestedReply: "有考虑，想了解一下",
    persuade: "理解的，矫正确实需要慎重考虑。其实先做一次面诊，了解一下自己的牙齿情况也没有什么压力[，{offer}]。要不要先帮您预留一个名额？",
    oneLiner: "我们{clinicShortName}近期有{project}的专场咨询[，{offer}]。",
    priceOrAddress:
      "{project}的费用要根据您的牙齿情况和矫正难度来定，需要医生面诊后才能给您准确的方案和报价[，现在{offer}]。我们的地址是{clinicAddress}，您看这周哪天方便过来面诊？",
    voiceKey: "wanqing",
    sortOrder: 4,
  }),
  marketingTemplate({
    key: "implant-invite",
    name: "种植意向邀约",
    description: "邀约缺牙患者到店做种植方案设计，可介绍坐诊专家与活动。",
    params: [
      { key: "project", label: "咨询项目", required: true, kind: "select", options: ["单颗种植牙", "多颗种植牙", "半口/全口种植"], defaultValue: "单颗种植牙" },
      OFFER,
      { key: "expert", label: "坐诊专家", required: false, kind: "text", placeholder: "如：种植科李主任", maxLength: 20 },
    ],
    opener: `${GREETING}种植顾问助理。了解到您之前咨询过缺牙修复，我们近期有{project}的专题活动[，{offer}][，{expert}也会到店坐诊]。请问您现在还有缺牙需要修复吗？`,
    interestedReply: "有的，正想找时间去看看",
    persuade: "理解的。缺牙时间长了容易导致邻牙倾斜、咬合变化，建议尽早让医生评估一下，拍个片子做方案设计也不会占用太多时间。要不要先帮您预约一次面诊？",
    oneLiner: "我们{clinicShortName}近期有{project}的专题活动[，{offer}]。",
    priceOrAddress:
      "种植的费用和所选种植体品牌、骨量条件都有关系，医生拍片评估后会给您出详细方案[，现在{offer}]。我们的地址是{clinicAddress}，您看这周哪天方便过来？",
    voiceKey: "chenlei",
    sortOrder: 5,
  }),
  marketingTemplate({
    key: "kids-prevention-invite",
    name: "儿童涂氟/窝沟封闭邀约",
    description: "邀约适龄儿童家长带孩子做涂氟或窝沟封闭，预防龋齿。",
    params: [
      { key: "project", label: "咨询项目", required: true, kind: "select", options: ["涂氟", "窝沟封闭", "涂氟+窝沟封闭"], defaultValue: "涂氟+窝沟封闭" },
      { key: "ageRange", label: "适用年龄", required: true, kind: "text", defaultValue: "3-12岁", maxLength: 20 },
      OFFER,
    ],
    opener: `${GREETING}儿牙顾问助理。现在是孩子预防蛀牙的好时机，我们为{ageRange}的小朋友提供{project}服务[，{offer}]。请问家里有这个年龄段的小朋友吗？`,
    interestedReply: "有的，正好想带孩子去看看",
    persuade: "理解的。{project}过程很快、不疼，小朋友一般都能配合，能有效减少蛀牙的发生。要不要先帮您预约一个周末的时间，带孩子过来检查一下？",
    oneLiner: "我们为{ageRange}的小朋友提供{project}服务[，{offer}]。",
    priceOrAddress:
      "{project}的费用要看孩子需要处理的牙齿数量，医生检查后会告诉您[，现在{offer}]。我们的地址是{clinicAddress}，您看这周末方便带孩子过来吗？",
    voiceKey: "xiaomei",
    sortOrder: 6,
  }),
  marketingTemplate({
    key: "dormant-reactivation",
    name: "沉睡患者唤醒",
    description: "联系长期未到店的老患者，送上回归礼遇，邀请回店检查。",
    params: [{ ...OFFER, label: "回归礼遇", required: true, defaultValue: "免费口腔检查一次" }, DEADLINE],
    opener: `${GREETING}客服小助手。您上次来我们这里还是{visitDate}，好久不见啦！为了感谢您一直以来的信任，我们为老朋友准备了回归礼遇：{offer}[，{deadline}前有效]。请问您最近方便回来看看吗？`,
    interestedReply: "好啊，正好该去看看了",
    persuade: "没关系的，口腔问题早发现早处理，这次检查是免费的，大概半个小时就可以完成。要不要先帮您预留一个名额？",
    oneLiner: "我们为老朋友准备了回归礼遇：{offer}。",
    priceOrAddress: "这次回归礼遇：{offer}，其他项目医生检查后会先告诉您费用，您同意后再做。我们的地址是{clinicAddress}，您看哪天方便？",
    voiceKey: "zhiyuan",
    sortOrder: 9,
  }),
  marketingTemplate({
    key: "event-invite",
    name: "活动邀约",
    description: "邀请患者参加门店的主题活动，如口腔健康讲座、会员日等。",
    params: [
      { key: "activityName", label: "活动名称", required: true, kind: "text", placeholder: "如：口腔健康会员日", maxLength: 30 },
      { key: "activityTime", label: "活动时间", required: true, kind: "text", placeholder: "如：本周六上午", maxLength: 30 },
      { key: "offer", label: "活动内容", required: true, kind: "textarea", placeholder: "如：到店可免费口腔检查，洁牙享8折" },
    ],
    opener: `${GREETING}客服小助手。我们将在{activityTime}举办{activityName}，活动期间{offer}。请问您有兴趣来参加吗？`,
    interestedReply: "挺好的，我有兴趣",
    persuade: "理解的。活动名额有限，先帮您预留一个也不会有任何费用，到时候方便就过来，不方便也没关系。需要帮您预留吗？",
    oneLiner: "我们将在{activityTime}举办{activityName}，活动期间{offer}。",
    priceOrAddress: "活动期间{offer}，具体项目的费用医生检查后会先告诉您。活动地址是{clinicAddress}，您看要不要帮您预留名额？",
    voiceKey: "xiaomei",
    sortOrder: 12,
  }),
  marketingTemplate({
    key: "new-clinic-opening",
    name: "新店开业通知",
    description: "通知患者新门店开业的时间、地址与开业礼遇，邀请到店体验。",
    params: [
      { key: "openingDate", label: "开业日期", required: true, kind: "text", placeholder: "如：5月18日", maxLength: 20 },
      { key: "offer", label: "开业礼遇", required: true, kind: "textarea", placeholder: "如：到店即送电动牙刷一支，洁牙9.9元" },
    ],
    opener: `${GREETING}客服小助手。告诉您一个好消息，我们的新店将于{openingDate}正式开业，地址在{clinicAddress}，开业期间{offer}。请问您有兴趣到新店体验一下吗？`,
    interestedReply: "离我挺近的，可以去看看",
    persuade: "没关系，新店的环境和设备都是全新的，开业礼遇的名额有限。要不要先帮您登记一个名额，您方便的时候再过来？",
    oneLiner: "我们的新店将于{openingDate}开业，开业期间{offer}。",
    priceOrAddress: "新店地址在{clinicAddress}，开业期间{offer}，其他项目到店后医生会先给您说明费用。您看哪天方便过来？",
    voiceKey: "zhiyuan",
    sortOrder: 13,
  }),
  marketingTemplate({
    key: "birthday-care",
    name: "生日关怀",
    description: "在患者生日前后送上祝福与生日礼遇，邀请到店使用。",
    params: [
      { key: "gift", label: "生日礼遇", required: true, kind: "text", defaultValue: "免费洁牙一次" },
      { key: "validDays", label: "使用期限", required: false, kind: "text", defaultValue: "生日当月", maxLength: 20 },
    ],
    opener: `${GREETING}客服小助手。提前祝您生日快乐！感谢您一直以来对我们的信任，我们为您准备了一份生日礼遇：{gift}[，{validDays}内到店即可使用]。请问您最近方便过来吗？`,
    interestedReply: "谢谢，我找时间过去",
    persuade: "没关系的，这份礼遇[{validDays}内]都可以使用，您方便的时候过来就行。要不要先帮您预约一个时间？",
    oneLiner: "我们为您准备了一份生日礼遇：{gift}。",
    priceOrAddress: "生日礼遇：{gift}，不需要额外付费。我们的地址是{clinicAddress}，您看哪天方便过来？",
    voiceKey: "xiaomei",
    sortOrder: 14,
  }),
];
