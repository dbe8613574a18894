/**
 * The project's first intent set (bench/intent/dataset.ts, 215 calls over four templates) in the case format, shown
 * by the bench as a third "legacy" column. Its AI lines never react to the patient and its conventions predate issue
 * 25, so two labels are widened: a complaint that asks for the manager was 需要人工回电 and is now also 不满意; a
 * relative answering was a wrong person and is now a relative.
 */
import type { EvalCase } from "./cases";
import { AI_LINES, DATASET, TEMPLATE_OF } from "./dataset";

export function legacyCases(): EvalCase[] {
  return DATASET.map((c) => {
    const ai = AI_LINES[c.kind];
    const turns: EvalCase["turns"] = c.patient.flatMap((text, i) => [{ ai: ai[Math.min(i, ai.length - 2)]! }, { patient: text }]);
    turns.push({ ai: turns.length === 0 ? ai[0]! : ai.at(-1)! });
    const relative = c.patient.some((p) => /是我妈|转告她/.test(p));
    const unhappy = c.tags.includes("unhappy");
    return {
      id: `legacy-${c.id}`,
      template: TEMPLATE_OF[c.kind],
      turns,
      ...(c.hangupBy ? { hangupBy: c.hangupBy } : {}),
      expect: {
        intent: c.intent,
        alsoAcceptable: unhappy && c.intent === "needsCallback" ? ["dissatisfied"] : [],
        reached: c.tags.includes("wrongperson") ? (relative ? "relative" : "wrongNumber") : "patient",
        optOut: c.tags.includes("optout"),
        complaint: unhappy,
        callback: c.callback,
        proposedTime: null,
      },
      tags: c.tags,
    };
  });
}
