import { composeDialogues } from "@/server/domain/templates/compose-dialogues";
import type { LlmPort, ScriptGenerationRequest } from "@/server/ports/llm";

/**
 * The default generator, with no network: the template's hand-written blueprint with the parameters substituted and
 * optional segments resolved. Same input, same dialogues.
 */
export class OfflineScriptGenerator implements LlmPort {
  readonly name = "offline" as const;

  async generateScriptDialogues(request: ScriptGenerationRequest) {
    return composeDialogues(request.template, request.params).scenarios;
  }
}
