import { analyzeByRules } from "@/server/domain/intent/call-analysis";
import type { IntentClassifier } from "@/server/ports/intent";

export const ruleBasedClassifier: IntentClassifier = {
  name: "rules-v1",
  kind: "rules",
  classify: async (input) => analyzeByRules(input),
};
