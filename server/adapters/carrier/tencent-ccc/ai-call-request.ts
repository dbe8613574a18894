import type { CreateCallInput } from "@/server/ports/carrier";
import { fillCallVariables } from "@/server/domain/templates/call-variables";
import { toCccNumber } from "./ccc-mapping";
import { DEFAULT_AI_CALL_FEATURES, EXTRACT_FIELDS } from "@/server/domain/vendor/ai-call-features";

/** What CreateAICall needs besides the call: the account's LLM endpoint, voice and caller numbers. */
export interface AiCallSettings {
  sdkAppId: number;
  callers: string[];
  llmType: string;
  llmApiUrl: string;
  llmApiKey: string;
  llmModel?: string;
  voiceType: string;
}

/** The subset of CreateAICallRequest (CCC 2020-02-10) we send. */
export interface AiCallRequest {
  SdkAppId: number;
  Callee: string;
  Callers?: string[];
  LLMType: string;
  APIKey: string;
  APIUrl: string;
  Model?: string;
  SystemPrompt: string;
  WelcomeMessage: string;
  WelcomeType: number;
  WelcomeMessagePriority: number;
  VoiceType: string;
  EndFunctionEnable: boolean;
  EndFunctionDesc: string;
  MaxCallDurationMs: number;
  Languages: string[];
  // The vendor's call features (docs/carrier.md "AI call features"; CreateAICall https://cloud.tencent.com/document/api/679/115681).
  EnableVoicemailDetection: boolean;
  VoicemailAction?: number;
  MaxRingTimeoutSecond: number;
  AcquireTimeoutSecond: number;
  NotifyDuration: number;
  NotifyMessage: string;
  NotifyMaxCount: number;
  MaxDuration: number;
  ExtractConfig?: { InfoType: string; InfoName: string; InfoContent: string }[];
  TransferFunctionEnable?: boolean;
  TransferItems?: { TransferFunctionName: string; TransferFunctionDesc: string; TransferSkillGroupId: number }[];
  Variables: { Key: string; Value: string }[];
  EnableComplianceAudio: boolean;
}

/** The function the model calls to hand the call to the clinic's front desk (TransferItems[].TransferFunctionName). */
export const TRANSFER_FUNCTION = "transfer_to_front_desk";

const line = (text: string, variables: Record<string, string>) =>
  fillCallVariables(text, variables).replace(/\{[^{}\s]{1,40}\}/g, "").replace(/\s{2,}/g, " ").trim();

const MAX_CALL_MS = 5 * 60_000;

/**
 * One call as CreateAICall: the script's first line is the welcome message the bot says first; the scenarios become
 * the system prompt (what to say in which situation, which patient replies lead where), with the call's variables
 * already substituted so no patient data has to travel as prompt variables.
 * A fixed script (固定模版话术) is the same action with its text as an uninterruptible welcome message and a prompt
 * that only allows closing the call: see docs/carrier.md for why not the auto-callout task.
 */
export function buildAiCallRequest(input: CreateCallInput, settings: AiCallSettings): AiCallRequest {
  const { script, variables } = input;
  const scenarios = script.dialogues.scenarios;
  const first = scenarios[0]?.rounds[0]?.ai ?? "";
  const welcome = line(first, variables);
  const features = input.vendor?.features ?? DEFAULT_AI_CALL_FEATURES;
  const skillGroup = input.vendor?.frontDeskSkillGroupId ?? null;
  const transfer = script.kind === "ai" && features.transferToFrontDesk && skillGroup !== null;
  const common = {
    SdkAppId: settings.sdkAppId,
    Callee: toCccNumber(input.callee),
    ...(settings.callers.length ? { Callers: settings.callers.map(toCccNumber) } : {}),
    LLMType: settings.llmType,
    APIKey: settings.llmApiKey,
    APIUrl: settings.llmApiUrl,
    ...(settings.llmModel ? { Model: settings.llmModel } : {}),
    WelcomeMessage: welcome,
    WelcomeType: 0,
    VoiceType: settings.voiceType,
    EndFunctionEnable: true,
    EndFunctionDesc: "通话目的已完成、对方要求结束或明确拒绝时，礼貌道别后挂断电话。",
    MaxCallDurationMs: MAX_CALL_MS,
    Languages: ["zh"],
    EnableVoicemailDetection: features.voicemailDetection,
    // 0: 挂断电话 (the only documented action): a voicemail ends as EndStatus 222 voiceMailReached.
    ...(features.voicemailDetection ? { VoicemailAction: 0 } : {}),
    MaxRingTimeoutSecond: features.maxRingSeconds,
    AcquireTimeoutSecond: features.acquireTimeoutSeconds,
    NotifyDuration: features.silence.promptAfterSeconds,
    NotifyMessage: features.silence.prompt,
    NotifyMaxCount: features.silence.maxPrompts,
    MaxDuration: features.silence.hangUpAfterSeconds * 1000,
    EnableComplianceAudio: features.complianceAudio,
    ...(features.extraction ? { ExtractConfig: EXTRACT_FIELDS.map((f) => ({ InfoType: f.type, InfoName: f.name, InfoContent: f.content })) } : {}),
    ...(transfer
      ? {
          TransferFunctionEnable: true,
          TransferItems: [
            {
              TransferFunctionName: TRANSFER_FUNCTION,
              TransferFunctionDesc: "对方要求转人工、找前台、找医生，或问到你无法回答的诊疗问题时，告知马上为其转接诊所前台，然后转接。",
              TransferSkillGroupId: skillGroup,
            },
          ],
        }
      : {}),
    // 通用变量 (提示词变量 / 欢迎语变量): the call's fields as Key/Value, for prompts kept in the console.
    Variables: Object.entries(variables).filter(([, v]) => v !== "").map(([Key, Value]) => ({ Key, Value })),
  };
  if (script.kind === "fixed") {
    const text = scenarios.flatMap((s) => s.rounds.map((r) => line(r.ai, variables))).filter(Boolean).join("");
    return {
      ...common,
      WelcomeMessage: text || welcome,
      WelcomeMessagePriority: 2,
      SystemPrompt: [
        "你是牙科诊所的电话通知助手。开场白已经完整播报了本次通知，不要补充或改写任何内容。",
        "对方回应后，只用一句话礼貌道别，然后调用 call_end 挂断电话。不要回答与通知无关的问题。",
      ].join("\n"),
    };
  }
  return { ...common, WelcomeMessagePriority: 0, SystemPrompt: systemPrompt(input, transfer) };
}

function systemPrompt(input: CreateCallInput, transfer: boolean): string {
  const { script, variables } = input;
  const parts: string[] = [
    `## 人设\n你是${variables.clinicShortName ? `「${variables.clinicShortName}」` : "牙科诊所"}的电话助手，语气亲切、简洁，每次只说一句话。`,
    "## 规则\n严格按下面的流程说话，话术原文照说；对方的回答与哪条预期回复意思相近，就走那条回复指向的下一步。",
    "对方明确表示不要再打电话时，道歉并调用 call_end 挂断。不确定的问题不要编造，告知稍后由诊所工作人员回电。",
    ...(transfer ? [`对方要求找人工、前台或医生时，告知马上转接，然后调用 ${TRANSFER_FUNCTION}。`] : []),
  ];
  for (const [i, scenario] of script.dialogues.scenarios.entries()) {
    const rounds = scenario.rounds.map((r, n) => {
      const replies = r.replies.map((reply) => `   - 若对方说“${line(reply.text, variables)}”：${nextText(reply.next)}`);
      return [`${n + 1}. 你说：“${line(r.ai, variables)}”`, ...replies].join("\n");
    });
    parts.push(`## ${i === 0 ? "主流程" : "场景"}「${scenario.name}」（${scenario.key}）\n${rounds.join("\n")}`);
  }
  return parts.join("\n\n");
}

function nextText(next: { kind: string; scenario?: string }): string {
  if (next.kind === "end") return "道别后调用 call_end 挂断";
  if (next.kind === "scenario") return `转到场景（${next.scenario}）`;
  return "继续下一句";
}
