import type { CallAnalysis } from "@/server/domain/intent/call-analysis";
import type { ClassifyIntentInput, IntentResult } from "@/server/domain/intent/classify-intent";

export type { CallAnalysis, ClassifyIntentInput, IntentResult };

/**
 * Post-call analysis of a finished call (客户意向, seed FAQ Q8, plus summary / reason / 需回电 / proposed time) over the
 * script's categories. `rules` is the offline rule-based classifier (the default); `model` adapters call a language model
 * and may fail — the caller then keeps the rules' result (server/services/calls/classify-call-intent.ts).
 */
export interface IntentClassifier {
  readonly name: string;
  readonly kind: "rules" | "model";
  classify(input: ClassifyIntentInput): Promise<CallAnalysis>;
}

/** Why a model's analysis could not be used; `code` is stored on the call (analysisError) with the message. */
export class IntentModelError extends Error {
  constructor(
    readonly code: "timeout" | "rateLimited" | "unavailable" | "invalidOutput",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "IntentModelError";
  }
}
