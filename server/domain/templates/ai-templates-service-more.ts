import { branchReplies, commonScenarios, next, reply, round, scenario } from "./blueprint";
import { intentsOf } from "./intents";
import type { ScriptTemplateDefinition } from "./template-types";

/** 诊疗服务类 AI templates, continued: satisfaction, expiring benefits, missed appointments. */

const GREETING = "您好，请问是{patientTitle}吗？我是{clinicShortName}的客服小助手。";

export const SERVICE_TEMPLATES_MORE: ScriptTemplateDefinition[] = [
  {
    key: "satisfaction-survey",
    kind: "ai",
    name: "满意度回访",
    category: "service",
    description: "就诊后回访患者满意度，记录意见；不满意时安排专人回电跟进。",
    params: [
      {
        key: "surveyFocus",
        label: "回访重点",
        required: true,
        kind: "select",
        options: ["整体服务体验", "医生专业度", "就诊环境与等候时间"],
        defaultValue: "整体服务体验",
      },
      { key: "gift", label: "回访礼", required: false, kind: "text", placeholder: "如：下次到店赠送牙刷护理套装" },
    ],
    intents: intentsOf("satisfied", "dissatisfied", "needsCallback", "undecided", "notLocal", "refused"),
    scenarios: [
      scenario(
        "main-1",
        round(
          "您好，请问是{patientTitle}吗？我是{clinicShortName}的回访小助手。感谢您{visitDate}来我们门诊就诊，想耽误您一分钟，了解一下您对我们{surveyFocus}是否满意？",
          reply("挺满意的", "satisfied"),
          reply("嗯嗯，还行", "satisfied"),
          reply("不太满意，等了很久", "dissatisfied", next.to("main-2")),
          ...branchReplies(),
        ),
        round("非常感谢您的认可，我们会继续努力[，下次到店{gift}]。祝您生活愉快，再见！", reply("不客气，再见", "satisfied", next.end)),
      ),
      scenario(
        "main-2",
        round(
          "非常抱歉给您带来了不好的体验，您的意见我已经详细记录，会反馈给门店负责人，稍后安排专人给您回电跟进，您看可以吗？",
          reply("可以，让他们联系我", "needsCallback"),
          reply("不用了，你们改进就行", "dissatisfied"),
        ),
        round("好的，再次向您致歉，也感谢您的宝贵意见。祝您生活愉快，再见！"),
      ),
      ...commonScenarios({
        oneLiner: "想了解一下您对我们{surveyFocus}的评价。",
        laterIntent: "undecided",
        callbackIntent: "needsCallback",
        priceOrAddress: "我们{clinicShortName}的地址是{clinicAddress}，每天上午9点到晚上8点营业。请问还有其他可以帮您的吗？",
        comesIntent: "satisfied",
        comesReply: "好的，知道了",
      }),
    ],
    voiceKey: "ajing",
    sortOrder: 8,
  },
  {
    key: "benefit-expiry",
    kind: "ai",
    name: "临期权益提醒",
    category: "service",
    description: "提醒患者即将到期的套餐、卡券等权益，引导在到期前到店使用。",
    params: [
      { key: "bookingWay", label: "预约方式", required: true, kind: "text", defaultValue: "直接回复我或者致电门店", maxLength: 30 },
    ],
    intents: intentsOf("interested", "somewhatInterested", "notInterested", "needsCallback", "notLocal", "refused"),
    scenarios: [
      scenario(
        "main-1",
        round(
          `${GREETING}温馨提醒您，您在我们这里的{benefitName}将在{benefitExpiry}到期，过期后就不能再使用了。请问您最近方便过来使用吗？`,
          reply("哦，我都忘了，这周末过去", "interested"),
          reply("嗯嗯，好的", "interested"),
          reply("最近没空，能延期吗？", "somewhatInterested", next.to("main-2")),
          ...branchReplies(),
        ),
        round("好的，您可以{bookingWay}预约具体时间，我们的地址是{clinicAddress}。期待您的到来，再见！", reply("好的", "interested", next.end)),
      ),
      scenario(
        "main-2",
        round(
          "权益延期需要门店根据具体情况处理，我先帮您登记，稍后请门店顾问联系您，好吗？",
          reply("好的，麻烦了", "needsCallback"),
          reply("那算了，用不上了", "notInterested"),
        ),
        round("好的，感谢您的接听，有需要随时联系{clinicShortName}。祝您生活愉快，再见！"),
      ),
      ...commonScenarios({
        oneLiner: "您的{benefitName}将在{benefitExpiry}到期，记得在到期前使用。",
        laterIntent: "somewhatInterested",
        callbackIntent: "needsCallback",
        priceOrAddress: "使用{benefitName}不需要额外付费。我们的地址是{clinicAddress}，您看这周哪天方便过来？",
        comesIntent: "interested",
      }),
    ],
    voiceKey: "xiaoya",
    sortOrder: 10,
  },
  {
    key: "missed-appointment",
    kind: "ai",
    name: "爽约改约",
    category: "service",
    description: "患者未按预约到店时致电关怀，了解原因并协助重新预约。",
    params: [
      { key: "confirmWay", label: "确认方式", required: true, kind: "select", options: ["电话", "短信"], defaultValue: "电话" },
      { key: "rescheduleTip", label: "改约说明", required: false, kind: "text", placeholder: "如：本周六日仍有空余号源" },
    ],
    intents: intentsOf("reschedule", "cancelled", "undecided", "needsCallback", "notLocal", "refused"),
    scenarios: [
      scenario(
        "main-1",
        round(
          `${GREETING}您原本预约了{appointmentTime}的{appointmentItem}，我们没有等到您，想问问您是不是临时有事耽误了？需要帮您重新约个时间吗？`,
          reply("不好意思忘了，帮我改个时间吧", "reschedule"),
          reply("嗯嗯，可以", "reschedule"),
          reply("不用了，先不看了", "cancelled", next.to("main-2")),
          ...branchReplies(),
        ),
        round("没关系！[{rescheduleTip}，]您看哪天方便？我先帮您登记。", reply("下周二下午吧", "reschedule")),
        round("好的，已经为您登记好了，稍后门店会通过{confirmWay}和您确认具体时间。我们的地址是{clinicAddress}，期待您的到来，再见！"),
      ),
      scenario(
        "main-2",
        round(
          "好的，理解。请问是对治疗方案或者费用有顾虑吗？如果有疑问，可以请医生先给您打个电话沟通一下。",
          reply("那让医生打给我吧", "needsCallback"),
          reply("不用了，谢谢", "cancelled"),
        ),
        round("好的，感谢您的接听，有需要随时联系{clinicShortName}。祝您生活愉快，再见！"),
      ),
      ...commonScenarios({
        oneLiner: "您{appointmentTime}的预约没有到店，需要的话我们可以帮您重新安排。",
        laterIntent: "undecided",
        callbackIntent: "needsCallback",
        priceOrAddress: "我们{clinicShortName}的地址是{clinicAddress}，重新预约不需要额外费用。您看哪天方便过来？",
        comesIntent: "reschedule",
      }),
    ],
    voiceKey: "xiaoya",
    sortOrder: 11,
  },
];
