import type { CallScriptSnapshot, CreateCallInput } from "@/server/ports/carrier";
import type { ScriptDialogues } from "@/server/domain/templates/dialogue";

/** A small marketing dialogue shaped like the preset templates (main flow, second try, price/address, busy/refuse). */
export const MARKETING_DIALOGUES: ScriptDialogues = {
  intents: [
    { key: "interested", label: "有意向" },
    { key: "somewhatInterested", label: "比较有意向" },
    { key: "notInterested", label: "没意向" },
    { key: "refused", label: "拒绝来电" },
    { key: "noAnswer", label: "未接" },
    { key: "unreachable", label: "无法接通" },
  ],
  scenarios: [
    {
      key: "main-1",
      name: "主流程-1",
      rounds: [
        {
          ai: "您好，请问是{patientTitle}吗？我是{clinicShortName}的客服，本月种植牙有优惠活动，您有兴趣了解一下吗？",
          replies: [
            { text: "好的，可以了解一下", intent: "interested", next: { kind: "continue" } },
            { text: "嗯嗯", intent: "interested", next: { kind: "continue" } },
            { text: "不需要，谢谢", intent: "notInterested", next: { kind: "scenario", scenario: "main-2" } },
            { text: "大概多少钱？你们在哪儿？", next: { kind: "scenario", scenario: "asks-price-address" } },
            { text: "我现在忙着呢，没空", next: { kind: "scenario", scenario: "busy-or-refuse" } },
          ],
        },
        {
          ai: "好的，那我帮您预约一个到店时间，您看这周六还是周日方便？",
          replies: [
            { text: "周六上午吧", intent: "interested", next: { kind: "continue" } },
            { text: "我看看时间再说", intent: "somewhatInterested", next: { kind: "continue" } },
          ],
        },
        { ai: "好的，我们的地址是{clinicAddress}，期待您的到来，再见！", replies: [] },
      ],
    },
    {
      key: "main-2",
      name: "主流程-2",
      rounds: [
        {
          ai: "理解的，这次活动到店还有免费检查，您看要不要先约一个？",
          replies: [
            { text: "那先帮我约一个吧", intent: "interested", next: { kind: "continue" } },
            { text: "不用了，谢谢", intent: "notInterested", next: { kind: "continue" } },
          ],
        },
        { ai: "好的，感谢您的接听，再见！", replies: [] },
      ],
    },
    {
      key: "busy-or-refuse",
      name: "客户没空/拒绝",
      rounds: [
        {
          ai: "不好意思打扰您了，我晚点再联系您可以吗？",
          replies: [
            { text: "行，那你晚点再打吧", intent: "somewhatInterested", next: { kind: "continue" } },
            { text: "不需要，以后别打了", intent: "refused", next: { kind: "continue" } },
          ],
        },
        { ai: "好的，非常抱歉打扰到您，再见！", replies: [] },
      ],
    },
    {
      key: "asks-price-address",
      name: "询问价格/地址",
      rounds: [
        {
          ai: "活动价每颗6800元起，地址是{clinicAddress}。",
          replies: [
            { text: "好的，那我过去看看", intent: "interested", next: { kind: "continue" } },
            { text: "我再考虑考虑", intent: "somewhatInterested", next: { kind: "continue" } },
          ],
        },
        { ai: "好的，期待您的到来，再见！", replies: [] },
      ],
    },
  ],
};

export const SCRIPT: CallScriptSnapshot = {
  scriptId: "script-1",
  kind: "ai",
  category: "marketing",
  dialogues: MARKETING_DIALOGUES,
  voice: { key: "xiaoya", speed: 100, pitch: 50, volume: 100 },
};

export const callInput = (callee: string, clientRef = `task-${callee}:1`): CreateCallInput => ({
  clientRef,
  callee,
  city: "上海",
  script: SCRIPT,
  variables: { patientTitle: "王女士", clinicShortName: "静安店", clinicAddress: "上海市静安区南京西路1266号" },
});

/** A number whose last two digits force an outcome and whose third-from-last digit picks the persona. */
export const numberWith = (personaDigit: number, lastTwo: string, fourth = 0) => `1391234${fourth}${personaDigit}${lastTwo}`;
