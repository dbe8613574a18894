import type { IntentCategory, ScenarioDialogue } from "@/server/domain/templates/dialogue";
import type { ScriptCategory, TemplateParam } from "@/server/domain/templates/template-types";

/** What a script generator gets: the template (its blueprint), the checked parameters, and the clinic it speaks for. */
export interface ScriptGenerationRequest {
  template: {
    key: string;
    name: string;
    category: ScriptCategory;
    description: string | null;
    params: TemplateParam[];
    scenarios: ScenarioDialogue[];
    intents: IntentCategory[];
  };
  params: Record<string, string>;
  /** The first 适用门店: its 诊所简称 and 地址 are spoken as {clinicShortName} / {clinicAddress}. */
  clinic: { shortName: string; address: string } | null;
}

/** Generates the scenario dialogues of an AI script (生成AI话术). */
export interface LlmPort {
  readonly name: "offline" | "openai-compatible";
  generateScriptDialogues(request: ScriptGenerationRequest): Promise<ScenarioDialogue[]>;
}

/** The model answered, but not with dialogues we can use. */
export class LlmOutputInvalid extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = "LlmOutputInvalid";
  }
}

/** The model could not be reached or refused the request. */
export class LlmUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "LlmUnavailable";
  }
}
