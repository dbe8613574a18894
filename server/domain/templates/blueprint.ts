import type { DialogueReply, DialogueRound, ScenarioDialogue } from "./dialogue";
import type { IntentKey } from "./intents";

/** Small builders so the template blueprints read like the dialogue they describe. */
export const next = {
  continue: { kind: "continue" } as const,
  end: { kind: "end" } as const,
  to: (scenario: ScenarioKey) => ({ kind: "scenario", scenario }) as const,
};

export function reply(text: string, intent: IntentKey | undefined, to: DialogueReply["next"] = next.continue): DialogueReply {
  return intent ? { text, intent, next: to } : { text, next: to };
}

export function round(ai: string, ...replies: DialogueReply[]): DialogueRound {
  return { ai, replies };
}

export const SCENARIO_NAMES = {
  "main-1": "主流程-1",
  "main-2": "主流程-2",
  "ai-cannot-answer": "AI无法应答",
  "not-local": "客户不在当地",
  "busy-or-refuse": "客户没空/拒绝",
  "asks-price-address": "询问价格/地址",
} as const;
export type ScenarioKey = keyof typeof SCENARIO_NAMES;

export function scenario(key: ScenarioKey, ...rounds: DialogueRound[]): ScenarioDialogue {
  return { key, name: SCENARIO_NAMES[key], rounds };
}

/** What the shared scenarios need to know about a template. */
export interface CommonContext {
  /** One sentence restating why we call, for a patient who is busy: "明天上午您在我们这里有预约。" */
  oneLiner: string;
  /** The intent of "call me back later" / "I will think about it". */
  laterIntent: IntentKey;
  /** The intent of an off-topic question the AI passes on to a human. */
  callbackIntent: IntentKey;
  /** 询问价格/地址: the AI's answer (may use [optional {param}] segments and {clinicAddress}). */
  priceOrAddress: string;
  /** The intent of a patient who, after hearing price/address, agrees to come. */
  comesIntent: IntentKey;
  /** That patient's words; defaults to "好的，那我过去看看". */
  comesReply?: string;
}

const CLOSING = "好的，感谢您的耐心接听，有任何问题随时联系{clinicShortName}。祝您生活愉快，再见！";

/** Branches every main flow offers from its first round into the shared scenarios. */
export function branchReplies(): DialogueReply[] {
  return [
    reply("我现在在外地，不在本地", undefined, next.to("not-local")),
    reply("我现在忙着呢，没空", undefined, next.to("busy-or-refuse")),
    reply("你们医生是哪里毕业的？有什么资质？", undefined, next.to("ai-cannot-answer")),
  ];
}

/** AI无法应答, 客户不在当地, 客户没空/拒绝, 询问价格/地址: the same shape in every template, worded for it. */
export function commonScenarios(ctx: CommonContext): ScenarioDialogue[] {
  return [
    scenario(
      "ai-cannot-answer",
      round(
        "这个问题我这边暂时没办法给您准确的答复，我先帮您记录下来，稍后请{clinicShortName}的专属顾问给您回电详细解答，您看可以吗？",
        reply("可以，让他打给我吧", ctx.callbackIntent),
        reply("不用了，我到店再问吧", ctx.laterIntent),
      ),
      round(CLOSING),
    ),
    scenario(
      "not-local",
      round(
        "明白，您最近不在本地是吗？那您大概什么时候回来呢？等您回来以后我们再为您安排，好吗？",
        reply("下个月应该就回来了", ctx.laterIntent),
        reply("短期内都不回去了", "notLocal"),
      ),
      round("好的，已经为您备注好了，等您方便的时候欢迎随时联系{clinicShortName}。祝您一切顺利，再见！"),
    ),
    scenario(
      "busy-or-refuse",
      round(
        `不好意思打扰您了，我就简单说一句：${ctx.oneLiner}您看我晚点再联系您可以吗？`,
        reply("行，那你晚点再打吧", ctx.laterIntent),
        reply("不需要，以后别打了", "refused"),
      ),
      round("好的，明白了，非常抱歉打扰到您。祝您生活愉快，再见！"),
    ),
    scenario(
      "asks-price-address",
      round(ctx.priceOrAddress, reply(ctx.comesReply ?? "好的，那我过去看看", ctx.comesIntent), reply("我再考虑考虑", ctx.laterIntent)),
      round("好的，有任何问题随时联系{clinicShortName}，期待您的到来，再见！"),
    ),
  ];
}
