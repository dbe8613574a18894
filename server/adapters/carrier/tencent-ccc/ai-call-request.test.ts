import { describe, expect, it } from "vitest";
import type { CreateCallInput } from "@/server/ports/carrier";
import { aiCallFeaturesOf } from "@/server/domain/vendor/ai-call-features";
import { buildAiCallRequest, TRANSFER_FUNCTION } from "./ai-call-request";

const settings = { sdkAppId: 1, callers: ["02150000000"], llmType: "openai", llmApiUrl: "u", llmApiKey: "k", voiceType: "ZhiMei" };
const input = (kind: "ai" | "fixed", vendor?: CreateCallInput["vendor"]): CreateCallInput => ({
  clientRef: "t:1",
  callee: "13800000001",
  variables: { patientName: "王女士", clinicShortName: "一店" },
  script: {
    scriptId: "s",
    kind,
    category: "service",
    voice: null,
    dialogues: { scenarios: [{ key: "main-1", name: "主流程", rounds: [{ ai: "{patientName}您好，这里是{clinicShortName}。", replies: [] }] }], intents: [] },
  },
  ...(vendor ? { vendor } : {}),
});

describe("buildAiCallRequest: the vendor's call features", () => {
  it("sends the defaults, the variables and 转人工 to the clinic's front desk for an AI script", () => {
    const r = buildAiCallRequest(input("ai", { features: aiCallFeaturesOf(null), frontDeskSkillGroupId: 42 }), settings);
    expect(r).toMatchObject({ EnableVoicemailDetection: true, VoicemailAction: 0, MaxRingTimeoutSecond: 45, AcquireTimeoutSecond: 5, NotifyDuration: 10, NotifyMaxCount: 2, MaxDuration: 40_000, EnableComplianceAudio: true });
    expect(r.TransferItems).toEqual([expect.objectContaining({ TransferFunctionName: TRANSFER_FUNCTION, TransferSkillGroupId: 42 })]);
    expect(r.SystemPrompt).toContain(TRANSFER_FUNCTION);
    expect(r.ExtractConfig?.map((e) => e.InfoName)).toEqual(["是否同意预约", "期望到店时间", "是否需要人工回电"]);
    expect(r.Variables).toEqual([{ Key: "patientName", Value: "王女士" }, { Key: "clinicShortName", Value: "一店" }]);
  });

  it("follows the setting, and never transfers without a front desk or from a fixed script", () => {
    const off = aiCallFeaturesOf({ voicemailDetection: false, extraction: false, transferToFrontDesk: false, complianceAudio: false });
    const r = buildAiCallRequest(input("ai", { features: off, frontDeskSkillGroupId: 42 }), settings);
    expect(r.EnableVoicemailDetection).toBe(false);
    expect(r.EnableComplianceAudio).toBe(false);
    expect(r).not.toHaveProperty("VoicemailAction");
    expect(r).not.toHaveProperty("ExtractConfig");
    expect(r).not.toHaveProperty("TransferItems");
    expect(buildAiCallRequest(input("ai", { features: aiCallFeaturesOf(null), frontDeskSkillGroupId: null }), settings)).not.toHaveProperty("TransferItems");
    expect(buildAiCallRequest(input("fixed", { features: aiCallFeaturesOf(null), frontDeskSkillGroupId: 42 }), settings)).not.toHaveProperty("TransferItems");
  });
});
