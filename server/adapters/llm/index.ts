import { env } from "@/server/env";
import type { LlmPort } from "@/server/ports/llm";
import { OfflineScriptGenerator } from "./offline-generator";
import { OpenAiCompatibleScriptGenerator } from "./openai-compatible";

let llm: LlmPort | undefined;

/** The offline generator unless LLM_BASE_URL is set; then the OpenAI-compatible adapter (LLM_MODEL required). */
export function getLlm(): LlmPort {
  if (llm) return llm;
  if (env.LLM_BASE_URL) {
    if (!env.LLM_MODEL) throw new Error("LLM_MODEL must be set when LLM_BASE_URL is set");
    llm = new OpenAiCompatibleScriptGenerator({ baseURL: env.LLM_BASE_URL, apiKey: env.LLM_API_KEY, model: env.LLM_MODEL });
  } else {
    llm = new OfflineScriptGenerator();
  }
  return llm;
}

/** Tests swap in their own generator. */
export function setLlmForTests(next: LlmPort | undefined) {
  llm = next;
}
