import type { IntentClassifier } from "@/server/ports/intent";
import { ruleBasedClassifier } from "./rule-based-classifier";

let classifier: IntentClassifier | undefined;

/** The app's intent classifier: offline rules (an LLM adapter would be chosen here by env). */
export function getIntentClassifier(): IntentClassifier {
  return (classifier ??= ruleBasedClassifier);
}

export function setIntentClassifierForTests(next: IntentClassifier | undefined) {
  classifier = next;
}
