import { describe, expect, it } from "vitest";
import { APPOINTMENT_INTENTS, INTENT, MARKETING_INTENTS, intentsOf } from "@/server/domain/templates/intents";
import { analysisFromModel, analyzeByRules, ModelAnalysisInvalid, modelAnalysisSchema, worthModelAnalysis, type ModelAnalysis } from "./call-analysis";
import type { ClassifyIntentInput } from "./classify-intent";

const SURVEY = intentsOf("satisfied", "dissatisfied", "needsCallback", "undecided", "notLocal", "refused");

const input = (category: "marketing" | "service", ...lines: string[]): ClassifyIntentInput => ({
  category,
  intents: category === "marketing" ? MARKETING_INTENTS : APPOINTMENT_INTENTS,
  answered: true,
  turns: lines.flatMap((text) => [
    { speaker: "ai" as const, text: "您好" },
    { speaker: "patient" as const, text },
  ]),
});
const model = (over: Partial<ModelAnalysis> = {}): ModelAnalysis =>
  modelAnalysisSchema.parse({ intent: "reschedule", summary: "客户想改到周六上午。", reason: "提出改约", callbackRequested: false, proposedTime: "周六上午", optOut: false, ...over });

describe("call analysis", () => {
  it("flags 需回电 from the patient's words when only rules run, with no summary", () => {
    expect(analyzeByRules(input("service", "你让前台给我回个电话"))).toMatchObject({ callbackRequested: true, summary: null });
    expect(analyzeByRules(input("service", "好的我准时到")).callbackRequested).toBe(false);
    expect(analyzeByRules(input("service", "不用回电话了，我准时到")).callbackRequested).toBe(false);
  });

  it("reads the proposed time as said, not a time the patient rejects", () => {
    expect(analyzeByRules(input("service", "明天不行，改到周六上午可以吗")).proposedTime).toBe("周六上午");
    expect(analyzeByRules(input("service", "明天不行")).proposedTime).toBeNull();
  });

  it("sends only answered calls a person spoke in to a model (never a voicemail)", () => {
    expect(worthModelAnalysis(input("service", "好的"))).toBe(true);
    expect(worthModelAnalysis({ ...input("service"), turns: [{ speaker: "ai", text: "您好" }] })).toBe(false);
    expect(worthModelAnalysis({ ...input("service", "好的"), answered: false })).toBe(false);
    expect(worthModelAnalysis(input("service", "您拨打的电话暂时无人接听，请在提示音后留言"))).toBe(false);
  });

  it("takes the model's intent over the script's categories, by key or label", () => {
    const i = input("service", "明天不行，周六上午可以吗");
    const rules = analyzeByRules(i);
    expect(analysisFromModel(model(), i, rules)).toMatchObject({ intent: "reschedule", label: "需要改约", canonical: "reschedule", rule: "model", proposedTime: "周六上午" });
    expect(analysisFromModel(model({ intent: "确认到店" }), i, rules).intent).toBe("confirmed");
    expect(() => analysisFromModel(model({ intent: "interested" }), i, rules)).toThrow(ModelAnalysisInvalid);
  });

  it("keeps 营销类 嗯嗯 = 有意向 whatever the model says", () => {
    const assent = input("marketing", "嗯嗯");
    expect(analysisFromModel(model({ intent: "notInterested" }), assent, analyzeByRules(assent))).toMatchObject({ intent: "interested", summary: "客户想改到周六上午。" });
  });

  it("does not carry a rule's reading into the model's answer: a complaint the model reads as call-back stays call-back", () => {
    const i: ClassifyIntentInput = { ...input("service", "补的牙又掉了，我要投诉！让你们负责人给我打电话"), intents: SURVEY };
    const rules = analyzeByRules(i);
    expect(rules).toMatchObject({ intent: "dissatisfied", complaint: true, optOut: false });
    const m = analysisFromModel(model({ intent: "needsCallback", callbackRequested: true, complaint: true, trigger: "我要投诉" }), i, rules);
    expect(m).toMatchObject({ intent: "needsCallback", rule: "model", complaint: true, optOut: false, callbackRequested: true });
    expect(m.trigger).toBe("补的牙又掉了，我要投诉！让你们负责人给我打电话");
  });

  it("lets the model overrule a rule's opt-out, and puts nobody on the DNC list without their own words", () => {
    const optOut = input("marketing", "别再打了");
    const rules = analyzeByRules(optOut);
    expect(rules).toMatchObject({ optOut: true, trigger: "别再打了" });
    // The model reads it differently: its answer stands, no DNC.
    expect(analysisFromModel(model({ intent: "notInterested", optOut: false }), optOut, rules)).toMatchObject({ intent: "notInterested", optOut: false });
    // The model agrees: DNC with the rules' sentence.
    expect(analysisFromModel(model({ intent: "refused", optOut: true }), optOut, rules)).toMatchObject({ intent: "refused", optOut: true, trigger: "别再打了" });
    // An opt-out the model invents (no quote the patient said, no rule) is not trusted.
    const plain = input("marketing", "不需要，谢谢");
    expect(analysisFromModel(model({ intent: "notInterested", optOut: true, trigger: "以后别打了" }), plain, analyzeByRules(plain)).optOut).toBe(false);
    // …one it quotes from the patient is.
    const said = input("marketing", "你们这个号码以后都别联系我了");
    expect(analysisFromModel(model({ intent: "refused", optOut: true, trigger: "以后都别联系我了" }), said, { ...analyzeByRules(said), optOut: false }).optOut).toBe(true);
  });

  it("maps a clinic's own label onto its meaning", () => {
    const i: ClassifyIntentInput = { ...input("marketing", "好的，帮我约周六"), intents: [{ key: "custom-a", label: "A类客户", canonical: "interested" }, INTENT.notInterested] };
    expect(analyzeByRules(i)).toMatchObject({ intent: "custom-a", canonical: "interested" });
  });
});
