import type { ScriptDialogues } from "@/server/domain/templates/dialogue";

export interface VariantWording {
  opening: string | null;
  offer: string | null;
}

/**
 * A variant's wording on the script's dialogues: the opening replaces the main flow's first AI line, the offer its
 * second (the line that makes the offer in every preset template). Lines the variant leaves empty stay the script's.
 */
export function applyVariantWording(dialogues: ScriptDialogues, v: VariantWording): ScriptDialogues {
  const [main, ...rest] = dialogues.scenarios;
  if (!main) return dialogues;
  const rounds = main.rounds.map((r, i) => {
    const line = i === 0 ? v.opening : i === 1 ? v.offer : null;
    return line && line.trim() ? { ...r, ai: line.trim() } : r;
  });
  return { ...dialogues, scenarios: [{ ...main, rounds }, ...rest] };
}
