import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { APICallError, generateText, NoObjectGeneratedError, NoOutputGeneratedError, Output, RetryError } from "ai";
import { z } from "zod";
import { CALL_VARIABLES } from "@/server/domain/templates/call-variables";
import { composeDialogues, restoreClinicVariables } from "@/server/domain/templates/compose-dialogues";
import { scenariosSchema } from "@/server/domain/templates/dialogue-schema";
import { LlmOutputInvalid, LlmUnavailable, type LlmPort, type ScriptGenerationRequest } from "@/server/ports/llm";

export interface OpenAiCompatibleOptions {
  baseURL: string;
  apiKey?: string;
  model: string;
  fetch?: typeof fetch;
  /** Retries on network/5xx errors (the AI SDK's maxRetries). */
  maxRetries?: number;
}

const outputSchema = z.object({ scenarios: scenariosSchema });

// json_object mode cannot carry the schema (the prompt does), which the AI SDK would log as a warning on every call.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS ??= false;

const SYSTEM = [
  "你是口腔诊所连锁的智能外呼话术专家。根据给出的模版蓝本与参数，改写出自然、口语化、礼貌、简洁的中文电话话术。",
  "只输出一个 JSON 对象，格式为：",
  '{"scenarios":[{"key":"main-1","name":"主流程-1","rounds":[{"ai":"AI 说的一句话","replies":[{"text":"患者可能的回答","intent":"意向 key","next":{"kind":"continue"}}]}]}]}',
  "规则：",
  "1. 情景（scenarios）的 key、name、顺序与蓝本一致；每个情景 1-8 轮，每轮 ai 不超过 300 字，每条患者回复不超过 100 字。",
  '2. next 只能是 {"kind":"continue"}（进入本情景下一轮）、{"kind":"scenario","scenario":"情景 key"}、{"kind":"end"}。',
  "3. intent 只能取自给出的意向列表中的 key，无法判断时省略 intent。",
  "4. 花括号变量（如 {patientTitle}、{clinicShortName}、{clinicAddress}）原样保留，不要替换成具体值，也不要新增其他花括号变量。",
  "5. 不要承诺发送短信，不要编造价格、医生资质或参数中没有的优惠。",
].join("\n");

function userPrompt(req: ScriptGenerationRequest): string {
  const blueprint = composeDialogues(req.template, req.params);
  return JSON.stringify(
    {
      模版: req.template.name,
      类别: req.template.category === "marketing" ? "营销类" : "诊疗服务类",
      说明: req.template.description,
      参数: Object.fromEntries(req.template.params.filter((p) => req.params[p.key]).map((p) => [p.label, req.params[p.key]])),
      门店: req.clinic ? { 诊所简称: req.clinic.shortName, 地址: req.clinic.address } : null,
      变量: Object.fromEntries(CALL_VARIABLES.map((v) => [`{${v.key}}`, v.label])),
      意向列表: req.template.intents,
      蓝本: blueprint.scenarios,
    },
    null,
    1,
  );
}

/** Any OpenAI-compatible chat-completions endpoint (LLM_BASE_URL, LLM_API_KEY, LLM_MODEL), asked for JSON. */
export class OpenAiCompatibleScriptGenerator implements LlmPort {
  readonly name = "openai-compatible" as const;

  constructor(private readonly options: OpenAiCompatibleOptions) {}

  async generateScriptDialogues(request: ScriptGenerationRequest) {
    const provider = createOpenAICompatible({
      name: "llm",
      baseURL: this.options.baseURL,
      apiKey: this.options.apiKey,
      fetch: this.options.fetch,
    });
    try {
      const { output } = await generateText({
        model: provider(this.options.model),
        system: SYSTEM,
        prompt: userPrompt(request),
        output: Output.object({ schema: outputSchema }),
        temperature: 0.7,
        maxRetries: this.options.maxRetries ?? 1,
      });
      return restoreClinicVariables(output.scenarios, request.clinic);
    } catch (error) {
      if (NoObjectGeneratedError.isInstance(error) || NoOutputGeneratedError.isInstance(error)) {
        throw new LlmOutputInvalid("AI 返回的话术格式不正确", [String(error.cause ?? error.message)]);
      }
      if (APICallError.isInstance(error) || RetryError.isInstance(error)) {
        throw new LlmUnavailable("AI 服务暂时不可用", { cause: error });
      }
      throw new LlmUnavailable("AI 服务调用失败", { cause: error });
    }
  }
}
