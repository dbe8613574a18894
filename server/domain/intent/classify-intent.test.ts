import { describe, expect, it } from "vitest";
import type { IntentCategory, ScriptDialogues } from "@/server/domain/templates/dialogue";
import { classifyIntent, type ClassifyIntentInput } from "./classify-intent";
import { detectSignals } from "./signals";
import { resolveIntent } from "./canonical-intents";

const MARKETING_INTENTS: IntentCategory[] = [
  { key: "interested", label: "有意向" },
  { key: "somewhatInterested", label: "比较有意向" },
  { key: "notInterested", label: "没意向" },
  { key: "refused", label: "拒绝来电" },
];

const patient = (...lines: string[]) =>
  lines.flatMap((text, i) => [
    { speaker: "ai" as const, text: `AI 第${i + 1}句` },
    { speaker: "patient" as const, text },
  ]);

const input = (over: Partial<ClassifyIntentInput>): ClassifyIntentInput => ({
  category: "marketing",
  intents: MARKETING_INTENTS,
  answered: true,
  turns: [],
  ...over,
});

describe("detectSignals", () => {
  it("does not read a negated phrase as a yes", () => {
    expect([...detectSignals("我不感兴趣")]).toEqual(["refuse"]);
    expect([...detectSignals("不需要，谢谢")]).toEqual(["refuse"]);
    expect(detectSignals("好的，我周末过去看看").has("positive")).toBe(true);
  });
  it("recognises bare assents, questions and opt-outs", () => {
    expect([...detectSignals("嗯嗯")]).toEqual(["assent"]);
    expect([...detectSignals("哦，好。")]).toEqual(["assent"]);
    expect(detectSignals("种植牙多少钱啊？").has("askPrice")).toBe(true);
    expect(detectSignals("你们诊所在哪里？").has("askAddress")).toBe(true);
    expect(detectSignals("以后别再打电话给我了").has("optOut")).toBe(true);
  });
});

describe("classifyIntent", () => {
  it("classifies a bare assent as 有意向 for 营销类 (FAQ Q8) but not as a firm yes for 诊疗服务类", () => {
    const turns = patient("嗯嗯", "嗯");
    expect(classifyIntent(input({ turns }))).toMatchObject({ intent: "interested", rule: "assentMarketing" });
    expect(classifyIntent(input({ turns, category: "service" }))).toMatchObject({
      intent: "somewhatInterested",
      rule: "assentService",
    });
  });

  it("lets an opt-out anywhere win and flags it for the DNC list", () => {
    const result = classifyIntent(input({ turns: patient("好的", "以后不要再给我打电话了") }));
    expect(result).toMatchObject({ optOut: true, rule: "optOutPhrase", intent: "refused", canonical: "optOut" });
    const withOptOut = classifyIntent(
      input({ intents: [...MARKETING_INTENTS, { key: "dnd", label: "免打扰" }], turns: patient("别再打了") }),
    );
    expect(withOptOut.intent).toBe("dnd");
  });

  it("uses the patient's last decisive line", () => {
    expect(classifyIntent(input({ turns: patient("不需要", "哦那好吧，我周末过去看看") })).intent).toBe("interested");
    expect(classifyIntent(input({ turns: patient("好的", "算了，不考虑了") }))).toMatchObject({
      intent: "notInterested",
      rule: "refusal",
    });
    // Declining the offer at once is 没意向 (issue 25), not refusing the call.
    expect(classifyIntent(input({ turns: patient("不需要") }))).toMatchObject({ intent: "notInterested", rule: "earlyRefusal" });
  });

  it("reads questions about price or address as some interest", () => {
    expect(classifyIntent(input({ turns: patient("多少钱？", "嗯") }))).toMatchObject({
      intent: "somewhatInterested",
      rule: "askedDetails",
    });
  });

  it("prefers the script author's label on a scripted reply", () => {
    const dialogues: ScriptDialogues = {
      intents: MARKETING_INTENTS,
      scenarios: [
        {
          key: "main-1",
          name: "主流程-1",
          rounds: [{ ai: "您好", replies: [{ text: "我再想想吧", intent: "somewhatInterested", next: { kind: "end" } }] }],
        },
      ],
    };
    expect(classifyIntent(input({ dialogues, turns: patient("我再想想吧") }))).toMatchObject({
      intent: "somewhatInterested",
      rule: "dialogueReply",
    });
  });

  it("maps onto the template's own labels and falls back to the nearest category", () => {
    const labelled: IntentCategory[] = [
      { key: "a", label: "意向较强" },
      { key: "c", label: "无意向" },
    ];
    expect(classifyIntent(input({ intents: labelled, turns: patient("好的可以") })).intent).toBe("a");
    expect(classifyIntent(input({ intents: labelled, turns: patient("不需要") })).intent).toBe("c");
    expect(resolveIntent("interested", [{ key: "x", label: "比较有意向" }])?.key).toBe("x");
  });

  it("gives unanswered calls the template's 未接 / 无法接通 category, or nothing", () => {
    const withUnanswered = [...MARKETING_INTENTS, { key: "missed", label: "未接" }, { key: "unreach", label: "无法接通" }];
    expect(classifyIntent(input({ answered: false, intents: withUnanswered })).intent).toBe("missed");
    expect(classifyIntent(input({ answered: false, notAnsweredKind: "unreachable", intents: withUnanswered })).intent).toBe("unreach");
    expect(classifyIntent(input({ answered: false })).intent).toBeNull();
  });

  it("calls an answered call where the patient never spoke 拒绝来电, and leaves small talk undecided", () => {
    const greeting = [{ speaker: "ai" as const, text: "您好" }];
    expect(classifyIntent(input({ turns: greeting, hangupBy: "callee" }))).toMatchObject({ intent: "refused", rule: "hungUpSilent" });
    // A fixed-template notice the patient listened to until the bot hung up says nothing about intent.
    expect(classifyIntent(input({ turns: greeting, hangupBy: "bot" }))).toMatchObject({ intent: null, rule: "noSignal" });
    expect(classifyIntent(input({ turns: patient("你是谁") }))).toMatchObject({ intent: null, rule: "noSignal" });
  });
});

describe("classifyIntent on service templates", () => {
  const APPOINTMENT: IntentCategory[] = [
    { key: "confirmed", label: "确认到店" },
    { key: "reschedule", label: "需要改约" },
    { key: "cancelled", label: "取消预约" },
    { key: "undecided", label: "暂不确定" },
    { key: "refused", label: "拒绝来电" },
    { key: "noAnswer", label: "未接" },
    { key: "unreachable", label: "无法接通" },
  ];
  const svc = (...lines: string[]) => classifyIntent(input({ category: "service", intents: APPOINTMENT, turns: patient(...lines) }));

  it("maps yes / change / no onto 确认到店 / 需要改约 / 取消预约", () => {
    expect(svc("嗯", "好的，我准时到").intent).toBe("confirmed");
    expect(svc("嗯", "明天不行，能不能改个时间").intent).toBe("reschedule");
    expect(svc("嗯", "不去了，取消吧").intent).toBe("cancelled");
    // A bare assent to the reminder's question is its yes (bench/intent/cases/README.md, guide rule 3).
    const opener = [{ speaker: "ai" as const, text: "提醒您明天下午3点在我们门诊有补牙的预约，请问您能按时到店吗？" }, { speaker: "patient" as const, text: "嗯嗯" }];
    expect(classifyIntent(input({ category: "service", intents: APPOINTMENT, turns: opener })).intent).toBe("confirmed");
  });
});
