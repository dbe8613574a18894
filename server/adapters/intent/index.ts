import { env, intentLlmConfig } from "@/server/env";
import type { IntentClassifier } from "@/server/ports/intent";
import { LlmIntentClassifier } from "./llm-classifier";
import { ruleBasedClassifier } from "./rule-based-classifier";

let classifier: IntentClassifier | undefined;

/** The app's post-call classifier: offline rules, or with INTENT_CLASSIFIER=llm the model (rules stay the fallback). */
export function getIntentClassifier(): IntentClassifier {
  if (classifier) return classifier;
  const llm = env.INTENT_CLASSIFIER === "llm" ? intentLlmConfig() : null;
  classifier = llm ? new LlmIntentClassifier(llm) : ruleBasedClassifier;
  return classifier;
}

export function setIntentClassifierForTests(next: IntentClassifier | undefined) {
  classifier = next;
}

export { ruleBasedClassifier };
