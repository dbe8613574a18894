import type { IntentCategory, ScenarioDialogue, ScriptDialogues } from "./dialogue";
import { renderTemplateText } from "./render-text";

export interface TemplateBlueprint {
  scenarios: readonly ScenarioDialogue[];
  intents: readonly IntentCategory[];
}

/**
 * The offline generator's composition: the template's blueprint with the parameters substituted, optional segments
 * resolved and call variables ({patientTitle}, {clinicShortName} …) kept for the call. Deterministic.
 */
export function composeDialogues(template: TemplateBlueprint, values: Readonly<Record<string, string | undefined>>): ScriptDialogues {
  return {
    scenarios: template.scenarios.map((s) => ({
      key: s.key,
      name: s.name,
      rounds: s.rounds.map((r) => ({
        ai: renderTemplateText(r.ai, values),
        replies: r.replies.map((rep) => ({ ...rep, text: renderTemplateText(rep.text, values) })),
      })),
    })),
    intents: template.intents.map((i) => ({ ...i })),
  };
}

/** A fixed script as spoken: its text, with 门店参数 read from the clinic as it is now. */
export function renderFixedScript(
  template: TemplateBlueprint,
  params: Readonly<Record<string, string>>,
  clinic: { shortName: string; address: string } | null,
): { text: string; dialogues: ScriptDialogues } {
  const values = { ...params, ...(clinic ? { clinicShortName: clinic.shortName, clinicAddress: clinic.address } : {}) };
  const dialogues = composeDialogues(template, values);
  return { text: dialogues.scenarios[0]?.rounds[0]?.ai ?? "", dialogues };
}

/** Every line of a dialogue (AI lines and replies), e.g. to find the call variables it uses. */
export function dialogueTexts(d: { scenarios: readonly ScenarioDialogue[] }): string[] {
  return d.scenarios.flatMap((s) => s.rounds.flatMap((r) => [r.ai, ...r.replies.map((x) => x.text)]));
}

/**
 * A model may write the clinic's actual 诊所简称/地址 although it was asked to keep the placeholders; a script serves
 * several clinics, so they are turned back into {clinicAddress} / {clinicShortName}.
 */
export function restoreClinicVariables(
  scenarios: readonly ScenarioDialogue[],
  clinic: { shortName: string; address: string } | null,
): ScenarioDialogue[] {
  const swap = (text: string) => {
    if (!clinic) return text;
    let out = text;
    if (clinic.address.trim()) out = out.split(clinic.address).join("{clinicAddress}");
    if (clinic.shortName.trim()) out = out.split(clinic.shortName).join("{clinicShortName}");
    return out;
  };
  return scenarios.map((s) => ({
    ...s,
    rounds: s.rounds.map((r) => ({ ai: swap(r.ai), replies: r.replies.map((x) => ({ ...x, text: swap(x.text) })) })),
  }));
}
