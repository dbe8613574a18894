import { z } from "zod";
import { isCallVariable } from "./call-variables";
import type { IntentCategory, ScriptDialogues } from "./dialogue";

export const DIALOGUE_LIMITS = { scenarios: 12, rounds: 8, replies: 8, aiLine: 300, reply: 100 } as const;

const nextSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("continue") }),
  z.object({ kind: z.literal("scenario"), scenario: z.string().min(1).max(40) }),
  z.object({ kind: z.literal("end") }),
]);

const replySchema = z.object({
  text: z.string().trim().min(1, "患者回复不能为空").max(DIALOGUE_LIMITS.reply, `患者回复最多 ${DIALOGUE_LIMITS.reply} 个字`),
  intent: z.string().min(1).max(40).optional(),
  next: nextSchema,
});

const roundSchema = z.object({
  ai: z.string().trim().min(1, "AI 话术不能为空").max(DIALOGUE_LIMITS.aiLine, `每句 AI 话术最多 ${DIALOGUE_LIMITS.aiLine} 个字`),
  replies: z.array(replySchema).max(DIALOGUE_LIMITS.replies),
});

export const scenarioDialogueSchema = z.object({
  key: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(20),
  rounds: z.array(roundSchema).min(1, "每个情景至少需要一轮对话").max(DIALOGUE_LIMITS.rounds),
});

/** The shape of `Script.preview` and of what an LLM must return (intents are taken from the template, not from it). */
export const scenariosSchema = z.array(scenarioDialogueSchema).min(1, "至少需要一个情景").max(DIALOGUE_LIMITS.scenarios);

export const scriptDialoguesSchema = z.object({
  scenarios: scenariosSchema,
  intents: z.array(z.object({ key: z.string().min(1), label: z.string().min(1), canonical: z.string().min(1).optional() })),
});

const PLACEHOLDER = /\{([^{}\s]{1,40})\}/g;

/**
 * Rules zod cannot express: unique scenario keys, jumps to scenarios that exist, intents the template declares, and no
 * placeholder left but call variables. Returns zh-CN problems; empty when the dialogues are sound.
 */
export function dialogueProblems(d: Pick<ScriptDialogues, "scenarios">, intents: readonly IntentCategory[]): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const s of d.scenarios) {
    if (keys.has(s.key)) problems.push(`情景「${s.name}」重复`);
    keys.add(s.key);
  }
  const intentKeys = new Set(intents.map((i) => i.key));
  for (const s of d.scenarios) {
    s.rounds.forEach((r, i) => {
      const where = `「${s.name}」第 ${i + 1} 轮`;
      for (const m of r.ai.matchAll(PLACEHOLDER)) {
        if (!isCallVariable(m[1]!)) problems.push(`${where}含有未知变量 {${m[1]}}`);
      }
      for (const rep of r.replies) {
        if (rep.intent && !intentKeys.has(rep.intent)) problems.push(`${where}的回复「${rep.text}」指向未知意向 ${rep.intent}`);
        if (rep.next.kind === "scenario" && !d.scenarios.some((x) => x.key === (rep.next as { scenario: string }).scenario)) {
          problems.push(`${where}的回复「${rep.text}」跳转到不存在的情景`);
        }
      }
    });
  }
  return problems;
}
