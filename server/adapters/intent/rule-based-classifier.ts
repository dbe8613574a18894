import { classifyIntent } from "@/server/domain/intent/classify-intent";
import type { IntentClassifier } from "@/server/ports/intent";

export const ruleBasedClassifier: IntentClassifier = {
  name: "rules-v1",
  classify: async (input) => classifyIntent(input),
};
