import type { ClassifyIntentInput, IntentResult } from "@/server/domain/intent/classify-intent";

export type { ClassifyIntentInput, IntentResult };

/**
 * Intent classification of a finished call (客户意向, seed FAQ Q8) over the template's categories.
 * The offline rule-based classifier is the default; an LLM adapter may implement the same port.
 */
export interface IntentClassifier {
  readonly name: string;
  classify(input: ClassifyIntentInput): Promise<IntentResult>;
}
