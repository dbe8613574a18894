/**
 * Evaluation cases (JSON Lines, one call per line) and how the bench turns one into the classifier's input. The
 * format is shared with the case writers and with `npm run intent:export-corrections`:
 * {"id","template","turns":[{"ai":"…"},{"patient":"…"}],"expect":{"intent","alsoAcceptable","reached","optOut",
 *  "complaint","callback","proposedTime"},"tags":[…],"note":"…"}
 * This module reads whatever file it is given; which files are read is run.ts's business alone (a test checks that
 * nothing else names the blind part).
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { ClassifyIntentInput } from "../../server/domain/intent/classify-intent";
import { PRESET_TEMPLATES } from "../../server/domain/templates/catalog";
import { composeDialogues } from "../../server/domain/templates/compose-dialogues";
import { defaultParams } from "../../server/domain/templates/params";

export const REACHED = ["patient", "relative", "voicemail", "secretary", "operator", "wrongNumber"] as const;

const turnSchema = z.union([z.object({ ai: z.string() }).strict(), z.object({ patient: z.string() }).strict()]);

export const caseSchema = z.object({
  id: z.string().min(1),
  template: z.string().min(1),
  turns: z.array(turnSchema).min(1),
  hangupBy: z.enum(["callee", "bot"]).optional(),
  expect: z.object({
    intent: z.string().nullable(),
    alsoAcceptable: z.array(z.string()).default([]),
    reached: z.enum(REACHED),
    optOut: z.boolean(),
    complaint: z.boolean(),
    callback: z.boolean(),
    proposedTime: z.string().nullable(),
  }),
  tags: z.array(z.string()).default([]),
  note: z.string().optional(),
});
export type EvalCase = z.output<typeof caseSchema>;

/** Parses a JSON Lines file of cases; a malformed line is an error naming its line (a case is never skipped). */
export function loadCases(path: string): EvalCase[] {
  const lines = readFileSync(path, "utf8").split("\n");
  const cases: EvalCase[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = caseSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`);
    cases.push(parsed.data);
  });
  return cases;
}

const templates = new Map(PRESET_TEMPLATES.map((t) => [t.key, t]));
const composed = new Map<string, ReturnType<typeof composeDialogues>>();

/** The classifier's input for a case: its template's categories and composed dialogue, as in production. */
export function inputOfCase(c: EvalCase): ClassifyIntentInput {
  const template = templates.get(c.template);
  if (!template) throw new Error(`case ${c.id}: unknown template ${c.template}`);
  let dialogues = composed.get(template.key);
  if (!dialogues) composed.set(template.key, (dialogues = composeDialogues(template, defaultParams(template.params))));
  return {
    category: template.category,
    intents: template.intents,
    dialogues,
    answered: true,
    turns: c.turns.map((t) => ("ai" in t ? { speaker: "ai" as const, text: t.ai } : { speaker: "patient" as const, text: t.patient })),
    hangupBy: c.hangupBy ?? "bot",
  };
}

/** A stable 1-in-5 slice of a part, kept aside from tuning (the rules' authors look only at the other four fifths). */
export function isValidationSlice(id: string): boolean {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 5 === 0;
}
