import { describe, expect, it } from "vitest";
import { APPOINTMENT_INTENTS, MARKETING_INTENTS } from "@/server/domain/templates/intents";
import { analysisFromModel, analyzeByRules, ModelAnalysisInvalid, worthModelAnalysis } from "./call-analysis";
import type { ClassifyIntentInput } from "./classify-intent";

const input = (category: "marketing" | "service", ...lines: string[]): ClassifyIntentInput => ({
  category,
  intents: category === "marketing" ? MARKETING_INTENTS : APPOINTMENT_INTENTS,
  answered: true,
  turns: lines.flatMap((text) => [
    { speaker: "ai" as const, text: "您好" },
    { speaker: "patient" as const, text },
  ]),
});
const model = { intent: "reschedule", summary: "客户想改到周六上午。", reason: "提出改约", callbackRequested: false, proposedTime: "周六上午", optOut: false };

describe("call analysis", () => {
  it("flags 需回电 from the call-back phrases when only rules run, with no summary", () => {
    expect(analyzeByRules(input("service", "你让前台给我回个电话"))).toMatchObject({ callbackRequested: true, summary: null, proposedTime: null });
    expect(analyzeByRules(input("service", "好的我准时到")).callbackRequested).toBe(false);
  });

  it("sends only answered calls with patient words to a model", () => {
    expect(worthModelAnalysis(input("service", "好的"))).toBe(true);
    expect(worthModelAnalysis({ ...input("service"), turns: [{ speaker: "ai", text: "您好" }] })).toBe(false);
    expect(worthModelAnalysis({ ...input("service", "好的"), answered: false })).toBe(false);
  });

  it("takes the model's intent over the script's categories, by key or label", () => {
    const i = input("service", "明天不行，周六上午可以吗");
    const rules = analyzeByRules(i);
    expect(analysisFromModel(model, i, rules)).toMatchObject({ intent: "reschedule", label: "需要改约", canonical: "reschedule", rule: "model", proposedTime: "周六上午" });
    expect(analysisFromModel({ ...model, intent: "确认到店" }, i, rules).intent).toBe("confirmed");
    expect(() => analysisFromModel({ ...model, intent: "interested" }, i, rules)).toThrow(ModelAnalysisInvalid);
  });

  it("keeps 营销类 嗯嗯 = 有意向 and an opt-out phrase whatever the model says", () => {
    const assent = input("marketing", "嗯嗯");
    expect(analysisFromModel({ ...model, intent: "notInterested" }, assent, analyzeByRules(assent))).toMatchObject({ intent: "interested", summary: model.summary });
    const optOut = input("marketing", "别再打了");
    expect(analysisFromModel({ ...model, intent: "interested" }, optOut, analyzeByRules(optOut))).toMatchObject({ intent: "refused", optOut: true });
  });
});
