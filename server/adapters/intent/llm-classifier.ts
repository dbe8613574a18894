import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { APICallError, generateText, NoObjectGeneratedError, NoOutputGeneratedError, Output, RetryError } from "ai";
import { analysisFromModel, analyzeByRules, modelAnalysisSchema, ModelAnalysisInvalid } from "@/server/domain/intent/call-analysis";
import type { ClassifyIntentInput } from "@/server/domain/intent/classify-intent";
import { IntentModelError, type CallAnalysis, type IntentClassifier } from "@/server/ports/intent";

export interface LlmIntentClassifierOptions {
  baseURL: string;
  apiKey?: string;
  model: string;
  /** The whole request, retries included, must finish within this; then the rules' result stands. */
  timeoutMs?: number;
  /** Retries on network errors, 429 and 5xx (the AI SDK's maxRetries, with its backoff). */
  maxRetries?: number;
  fetch?: typeof fetch;
}

// json_object mode cannot carry the schema (the prompt does), which the AI SDK would log as a warning on every call.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS ??= false;

const SYSTEM = [
  "你是口腔诊所连锁的外呼通话质检员。阅读一通 AI 外呼电话的对话记录，判断客户意向并做简短分析。",
  "只输出一个 JSON 对象，格式为：",
  '{"intent":"意向 key 或 null","summary":"一句话中文小结","reason":"判断意向的简短理由","callbackRequested":false,"proposedTime":null,"optOut":false,"complaint":false,"trigger":null,"confidence":0.9}',
  "规则：",
  "1. intent 只能取自给出的「意向列表」中的 key；客户没有表达任何倾向（只问是谁、信号差听不清、对话无实质内容）时为 null。",
  "2. 营销类话术：客户只回答「嗯」「嗯嗯」「好」「哦」之类的简单应答、没有其他内容时，视为「有意向」。诊疗服务类不适用此规则。",
  "3. 客户询问价格、地址、怎么走、能否停车等，说明有一定兴趣（比较有意向一类），除非随后明确拒绝。以客户最后的明确表态为准。",
  "4. summary：一句话（不超过 60 字）概括客户的态度与诉求，用中文，不要复述 AI 的台词。reason：不超过 40 字。",
  "5. callbackRequested：客户要求人工、真人、医生或前台回电/联系时为 true。",
  "6. proposedTime：客户自己提出的到店/预约/回电时间，按客户原话简写（如「周六上午」「明天下午三点」），没有则为 null。",
  "7. optOut：仅当客户明确要求以后不要再打电话/不要再联系/把号码删掉/拉黑时为 true。「不用再提醒了」「不用了」「烦不烦」「我要投诉」都不是 optOut。",
  "8. complaint：客户对诊所的治疗、服务、收费、态度表示不满或投诉时为 true（投诉不等于不要来电，这类客户需要尽快回电）。",
  "9. trigger：optOut 或 complaint 为 true 时，逐字摘录客户说的那句话；否则为 null。",
  "10. 每句话要结合它回答的 AI 问题理解：对「需要医生给您回电吗」说「不用了」是不需要回电，不是拒绝；对「有没有不舒服」说「没有」是恢复良好。",
  "11. 接听的是语音信箱、秘书台/来电提醒、运营商提示音或打错电话的人时，intent 为 null。",
  "12. 客户说方言或有口误、语气词、背景噪音时，按意思判断。confidence 为你对 intent 的把握（0–1）。",
  "13. 如果给出了「外呼平台的结构化结果」，可作为参考，但以对话内容为准。",
].join("\n");

function userPrompt(input: ClassifyIntentInput): string {
  const scripted: { 回复: string; 意向: string }[] = [];
  for (const scenario of input.dialogues?.scenarios ?? [])
    for (const round of scenario.rounds)
      for (const reply of round.replies) if (reply.intent && scripted.length < 40) scripted.push({ 回复: reply.text, 意向: reply.intent });
  return JSON.stringify(
    {
      话术类别: input.category === "marketing" ? "营销类" : "诊疗服务类",
      意向列表: input.intents.map((i) => ({ key: i.key, 名称: i.label })),
      话术预设回复及意向: scripted,
      挂断方: input.hangupBy === "callee" ? "客户" : input.hangupBy === "bot" ? "AI" : undefined,
      外呼平台的结构化结果: input.vendorExtraction ?? undefined,
      对话: input.turns.map((t) => `${t.speaker === "ai" ? "AI" : "客户"}：${t.text}`),
    },
    null,
    1,
  );
}

/** Post-call analysis by any OpenAI-compatible chat-completions endpoint (INTENT_LLM_* or LLM_*), asked for JSON. */
export class LlmIntentClassifier implements IntentClassifier {
  readonly kind = "model" as const;
  readonly name: string;

  constructor(private readonly options: LlmIntentClassifierOptions) {
    this.name = `llm:${options.model}`;
  }

  async classify(input: ClassifyIntentInput): Promise<CallAnalysis> {
    const provider = createOpenAICompatible({ name: "intent", baseURL: this.options.baseURL, apiKey: this.options.apiKey, fetch: this.options.fetch });
    const timeoutMs = this.options.timeoutMs ?? 20_000;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const { output } = await generateText({
        model: provider(this.options.model),
        system: SYSTEM,
        prompt: userPrompt(input),
        output: Output.object({ schema: modelAnalysisSchema }),
        temperature: 0,
        maxRetries: this.options.maxRetries ?? 1,
        abortSignal: signal,
      });
      return analysisFromModel(output, input, analyzeByRules(input));
    } catch (error) {
      throw toModelError(error, signal.aborted, timeoutMs);
    }
  }
}

function toModelError(error: unknown, timedOut: boolean, timeoutMs: number): IntentModelError {
  if (error instanceof IntentModelError) return error;
  if (timedOut) return new IntentModelError("timeout", `模型 ${Math.round(timeoutMs / 1000)} 秒内未返回`, { cause: error });
  if (error instanceof ModelAnalysisInvalid) return new IntentModelError("invalidOutput", error.message, { cause: error });
  if (NoObjectGeneratedError.isInstance(error) || NoOutputGeneratedError.isInstance(error)) {
    return new IntentModelError("invalidOutput", "模型返回的内容不是约定的 JSON", { cause: error });
  }
  const last = RetryError.isInstance(error) ? error.lastError : error;
  if (APICallError.isInstance(last)) {
    if (last.statusCode === 429) return new IntentModelError("rateLimited", "模型服务限流 (HTTP 429)", { cause: error });
    return new IntentModelError("unavailable", last.statusCode ? `模型服务错误 (HTTP ${last.statusCode})` : "模型服务无法连接", { cause: error });
  }
  return new IntentModelError("unavailable", "模型服务调用失败", { cause: error });
}
