import { analyzeByRules, RULES_ANALYZER } from "@/server/domain/intent/call-analysis";
import type { IntentClassifier } from "@/server/ports/intent";

export const ruleBasedClassifier: IntentClassifier = {
  name: RULES_ANALYZER,
  kind: "rules",
  classify: async (input) => analyzeByRules(input),
};
