import { branchReplies, commonScenarios, next, reply, round, scenario } from "./blueprint";
import { intentsOf } from "./intents";
import type { ScriptTemplateDefinition } from "./template-types";

/** 诊疗服务类 AI templates: reminders and follow-ups about care the patient already has. */

const GREETING = "您好，请问是{patientTitle}吗？我是{clinicShortName}的客服小助手。";
const ADDRESS_ANSWER =
  "我们{clinicShortName}的地址是{clinicAddress}[，{parking}]，到店后在前台报您的姓名就可以了。请问您还有其他问题吗？";

export const SERVICE_TEMPLATES: ScriptTemplateDefinition[] = [
  {
    key: "appointment-reminder",
    kind: "ai",
    name: "预约到店提醒",
    category: "service",
    description: "预约前一天提醒患者按时到店，确认到店、改约或取消，并告知地址与注意事项。",
    params: [
      { key: "arriveEarly", label: "提前到店时间", required: true, kind: "select", options: ["5分钟", "10分钟", "15分钟", "30分钟"], defaultValue: "10分钟" },
      { key: "notice", label: "到店注意事项", required: false, kind: "textarea", placeholder: "如：请携带身份证及既往检查资料" },
      { key: "parking", label: "停车信息", required: false, kind: "text", placeholder: "如：商场B2停车场可免费停车2小时" },
    ],
    intents: intentsOf("confirmed", "reschedule", "cancelled", "undecided", "notLocal", "refused"),
    scenarios: [
      scenario(
        "main-1",
        round(
          `${GREETING}提醒您{appointmentTime}在我们门诊有{appointmentItem}的预约，请问您能按时到店吗？`,
          reply("可以的，我会准时到", "confirmed"),
          reply("嗯嗯，好的", "confirmed"),
          reply("那个时间去不了，能改个时间吗？", "reschedule", next.to("main-2")),
          reply("你们在哪儿来着？", undefined, next.to("asks-price-address")),
          ...branchReplies(),
        ),
        round(
          "好的，我们的地址是{clinicAddress}[，{parking}]。[温馨提示：{notice}。]建议您提前{arriveEarly}到店签到，祝您就诊顺利，再见！",
          reply("好的，谢谢提醒", "confirmed", next.end),
        ),
      ),
      scenario(
        "main-2",
        round(
          "没关系，请问您是时间上不方便吗？我可以帮您登记改约，您看改到哪一天比较合适？",
          reply("改到下周六上午吧", "reschedule"),
          reply("先取消吧，之后再约", "cancelled"),
        ),
        round("好的，已经帮您登记了，稍后门店的工作人员会和您确认。感谢您的接听，再见！"),
      ),
      ...commonScenarios({
        oneLiner: "您{appointmentTime}在我们{clinicShortName}有预约，记得按时到店哦。",
        laterIntent: "undecided",
        callbackIntent: "undecided",
        priceOrAddress: ADDRESS_ANSWER,
        comesIntent: "confirmed",
        comesReply: "没有了，到时候我准时过去",
      }),
    ],
    voiceKey: "xiaoya",
    sortOrder: 1,
  },
  {
    key: "revisit-reminder",
    kind: "ai",
    name: "复诊提醒",
    category: "service",
    description: "疗程中的患者按时复诊提醒，说明中断治疗的影响，支持登记改约。",
    params: [
      { key: "treatment", label: "复诊项目", required: true, kind: "text", placeholder: "如：根管治疗第二次", maxLength: 30 },
      { key: "notice", label: "复诊注意事项", required: false, kind: "textarea", placeholder: "如：复诊前两小时内请勿进食" },
    ],
    intents: intentsOf("confirmed", "reschedule", "undecided", "notLocal", "refused"),
    scenarios: [
      scenario(
        "main-1",
        round(
          `${GREETING}您的{treatment}需要按疗程按时复诊，您的复诊时间是{appointmentTime}，请问您能按时过来吗？`,
          reply("可以，我记着呢", "confirmed"),
          reply("那天有事，想换个时间", "reschedule", next.to("main-2")),
          reply("复诊是在哪个门店？", undefined, next.to("asks-price-address")),
          ...branchReplies(),
        ),
        round("好的，[{notice}，]有任何不舒服也可以随时联系我们。祝您早日康复，再见！", reply("好的，再见", "confirmed", next.end)),
      ),
      scenario(
        "main-2",
        round(
          "没关系，不过{treatment}间隔太久可能会影响治疗效果，建议您尽量在一周内完成复诊。您看哪天方便，我帮您登记改约？",
          reply("那就改到下周三吧", "reschedule"),
          reply("我再看看时间吧", "undecided"),
        ),
        round("好的，已经帮您登记，稍后门店会和您确认具体时间。祝您早日康复，再见！"),
      ),
      ...commonScenarios({
        oneLiner: "您的{treatment}需要在{appointmentTime}按时复诊。",
        laterIntent: "undecided",
        callbackIntent: "undecided",
        priceOrAddress: "您的复诊安排在我们{clinicShortName}，地址是{clinicAddress}，到店后报您的姓名就可以了。请问还有其他问题吗？",
        comesIntent: "confirmed",
        comesReply: "好的，我知道了",
      }),
    ],
    voiceKey: "xiaoya",
    sortOrder: 2,
  },
  {
    key: "cleaning-recall",
    kind: "ai",
    name: "洁牙/定期检查召回",
    category: "service",
    description: "按建议周期召回患者洁牙和口腔检查，可附带老患者专属优惠。",
    params: [
      { key: "interval", label: "建议检查周期", required: true, kind: "select", options: ["半年", "一年"], defaultValue: "半年" },
      { key: "offer", label: "专属优惠", required: false, kind: "text", placeholder: "如：老患者洁牙立减50元" },
    ],
    intents: intentsOf("interested", "somewhatInterested", "notInterested", "notLocal", "refused"),
    scenarios: [
      scenario(
        "main-1",
        round(
          `${GREETING}您上次来我们这里是{visitDate}，医生建议每{interval}做一次洁牙和口腔检查，算下来差不多该复查了[，现在{offer}]。请问您最近有时间过来做个检查吗？`,
          reply("可以啊，帮我约一下", "interested"),
          reply("嗯嗯", "interested"),
          reply("我牙没什么问题，不用了吧", "notInterested", next.to("main-2")),
          reply("洁牙多少钱？", undefined, next.to("asks-price-address")),
          ...branchReplies(),
        ),
        round(
          "好的，稍后门店的工作人员会联系您确认具体时间，我们的地址是{clinicAddress}。期待您的到来，再见！",
          reply("好的，再见", "interested", next.end),
        ),
      ),
      scenario(
        "main-2",
        round(
          "理解的。很多牙结石和早期龋齿平时没有明显感觉，定期检查能及早发现问题，检查本身也很快，大概半个小时。您看月底前找个周末过来可以吗？",
          reply("那好吧，周末过去看看", "interested"),
          reply("还是不用了", "notInterested"),
        ),
        round("好的，感谢您的接听，有需要随时联系{clinicShortName}。祝您生活愉快，再见！"),
      ),
      ...commonScenarios({
        oneLiner: "您距离上次口腔检查已经比较久了，建议每{interval}检查一次。",
        laterIntent: "somewhatInterested",
        callbackIntent: "somewhatInterested",
        priceOrAddress:
          "洁牙的费用要看您的牙结石情况，医生检查后会给您说明[，现在{offer}]。我们的地址是{clinicAddress}，您看这周哪天方便过来？",
        comesIntent: "interested",
      }),
    ],
    voiceKey: "wanqing",
    sortOrder: 3,
  },
  {
    key: "post-op-follow-up",
    kind: "ai",
    name: "术后回访",
    category: "service",
    description: "治疗或手术后回访患者恢复情况，重申术后注意事项，有不适时安排医生回电。",
    params: [
      {
        key: "careTips",
        label: "术后注意事项",
        required: true,
        kind: "textarea",
        defaultValue: "术后24小时内不要刷牙漱口，避免用患侧咀嚼，忌烟酒和辛辣食物",
      },
      { key: "doctorName", label: "主治医生", required: false, kind: "text", placeholder: "如：李明", maxLength: 10 },
    ],
    intents: intentsOf("recovering", "discomfort", "needsCallback", "undecided", "notLocal", "refused"),
    scenarios: [
      scenario(
        "main-1",
        round(
          "您好，请问是{patientTitle}吗？我是{clinicShortName}的回访小助手。您在{deductionDate}做了{deductionItem}，[{doctorName}医生]特别嘱咐我们问问您，术后恢复得怎么样？有没有哪里不舒服？",
          reply("恢复得挺好的，没什么不舒服", "recovering"),
          reply("还有点肿，有点疼", "discomfort", next.to("main-2")),
          ...branchReplies(),
        ),
        round(
          "那太好了！再提醒您几点术后注意事项：{careTips}。如果有任何不适，随时联系我们。祝您早日康复，再见！",
          reply("好的，谢谢", "recovering", next.end),
        ),
      ),
      scenario(
        "main-2",
        round(
          "术后轻微的肿胀和疼痛一般三到五天会逐渐缓解，请您注意：{careTips}。如果疼痛越来越明显或者出血不止，建议尽快回诊。需要我请医生给您回个电话吗？",
          reply("好的，麻烦让医生联系我", "needsCallback"),
          reply("先观察两天再说", "discomfort"),
        ),
        round("好的，已经为您登记，医生会尽快联系您。祝您早日康复，再见！"),
      ),
      ...commonScenarios({
        oneLiner: "您做完{deductionItem}后如果有任何不适，请随时联系我们。",
        laterIntent: "undecided",
        callbackIntent: "needsCallback",
        priceOrAddress: "我们{clinicShortName}的地址是{clinicAddress}，术后复查不需要另外挂号，到店报您的姓名就可以。请问还有其他问题吗？",
        comesIntent: "recovering",
        comesReply: "好的，有需要我就过去",
      }),
    ],
    voiceKey: "ajing",
    sortOrder: 7,
  },
];
