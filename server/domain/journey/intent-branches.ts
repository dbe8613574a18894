import { z } from "zod";

/**
 * 客户意向多分支 (seed §6.8). Switched on, a node starts with two fixed rules: 【默认为空】 (the call ended without an
 * intent: intercepted, failed, never classified) and 【其他】 (an intent no branch lists). The user adds up to five
 * intent branches, A–E; each intent may be used by one branch only. After the call the patient follows the one branch
 * its classified intent matches.
 */
export const EMPTY_BRANCH = "empty";
export const OTHER_BRANCH = "other";
export const MAX_INTENT_BRANCHES = 5;
export const BRANCH_LETTERS = ["A", "B", "C", "D", "E"] as const;

export const intentBranch = z.object({
  key: z.enum(BRANCH_LETTERS),
  intents: z.array(z.string().min(1).max(40)).max(30),
});

export const intentBranchesConfig = z.object({
  enabled: z.boolean(),
  branches: z.array(intentBranch).max(MAX_INTENT_BRANCHES, `意向分支最多添加 ${MAX_INTENT_BRANCHES} 条`),
});

export type IntentBranch = z.output<typeof intentBranch>;
export type IntentBranchesConfig = z.output<typeof intentBranchesConfig>;
export interface IntentOption {
  key: string;
  label: string;
}

/** Switching 客户意向多分支 on: just the two fixed rules, no intent branch yet. */
export function initialIntentBranches(): IntentBranchesConfig {
  return { enabled: true, branches: [] };
}

/** Adds an empty branch with the first free letter, or returns null when five exist. */
export function addIntentBranch(config: IntentBranchesConfig): IntentBranchesConfig | null {
  if (config.branches.length >= MAX_INTENT_BRANCHES) return null;
  const used = new Set(config.branches.map((b) => b.key));
  const key = BRANCH_LETTERS.find((l) => !used.has(l))!;
  return { ...config, branches: [...config.branches, { key, intents: [] }] };
}

/** Intents still free for `branchKey`'s multi-select: its own plus those no other branch took. */
export function selectableIntents(config: IntentBranchesConfig, branchKey: string, options: readonly IntentOption[]): IntentOption[] {
  const taken = new Set(config.branches.filter((b) => b.key !== branchKey).flatMap((b) => b.intents));
  return options.filter((o) => !taken.has(o.key));
}

/** The outgoing branch keys of a node, in drawing order: A…E, 默认为空, 其他 (none when switched off). */
export function branchKeys(config: IntentBranchesConfig): string[] {
  if (!config.enabled) return [];
  return [...config.branches.map((b) => b.key), EMPTY_BRANCH, OTHER_BRANCH];
}

/** A problem with a node's branch rules; validate-journey.ts words it (JOURNEY_PROBLEM_TEXTS). */
export type BranchProblem =
  | { code: "branchTooMany"; params: { max: number } }
  | { code: "branchNone"; params: Record<string, never> }
  | { code: "branchDuplicate" | "branchNoIntents"; params: { key: string } }
  | { code: "intentUsedTwice"; params: { intent: string; other: string } }
  | { code: "intentNotInScript"; params: { key: string; intent: string } };

/** Problems with a node's branch rules (empty when fine). */
export function validateIntentBranches(config: IntentBranchesConfig, options: readonly IntentOption[]): BranchProblem[] {
  if (!config.enabled) return [];
  const errors: BranchProblem[] = [];
  if (config.branches.length > MAX_INTENT_BRANCHES) errors.push({ code: "branchTooMany", params: { max: MAX_INTENT_BRANCHES } });
  if (config.branches.length === 0) errors.push({ code: "branchNone", params: {} });
  const keys = new Set<string>();
  const usedBy = new Map<string, string>();
  const known = new Set(options.map((o) => o.key));
  for (const b of config.branches) {
    if (keys.has(b.key)) errors.push({ code: "branchDuplicate", params: { key: b.key } });
    keys.add(b.key);
    if (b.intents.length === 0) errors.push({ code: "branchNoIntents", params: { key: b.key } });
    for (const intent of b.intents) {
      const label = intentName(intent, options);
      const other = usedBy.get(intent);
      if (other !== undefined) errors.push({ code: "intentUsedTwice", params: { intent: label, other } });
      else usedBy.set(intent, b.key);
      if (!known.has(intent)) errors.push({ code: "intentNotInScript", params: { key: b.key, intent: label } });
    }
  }
  return errors;
}

/** Which branch a classified intent takes; null when the node has no intent branches (its single edge is taken). */
export function routeIntent(config: IntentBranchesConfig, intent: string | null | undefined): string | null {
  if (!config.enabled) return null;
  if (!intent) return EMPTY_BRANCH;
  return config.branches.find((b) => b.intents.includes(intent))?.key ?? OTHER_BRANCH;
}

/** The names of the two fixed branches (zh-CN; the UI passes its locale's through `BranchWords`). */
export const BRANCH_NAMES = { empty: "默认为空", other: "其他" } as const;

/** A locale's words for branch labels: the fixed branches' names, an intent label's translation, the list separator. */
export type BranchWords = { empty: string; other: string; intent: (label: string) => string; separator: string };
const ZH_WORDS: BranchWords = { ...BRANCH_NAMES, intent: (label) => label, separator: "、" };

/** The text drawn on a branch's edge: 「A(有意向、比较有意向)」, 「默认为空」, 「其他」. */
export function branchLabel(config: IntentBranchesConfig, branchKey: string, options: readonly IntentOption[], words: BranchWords = ZH_WORDS): string {
  if (branchKey === EMPTY_BRANCH) return words.empty;
  if (branchKey === OTHER_BRANCH) return words.other;
  const branch = config.branches.find((b) => b.key === branchKey);
  if (!branch) return branchKey;
  const names = branch.intents.map((i) => words.intent(intentName(i, options)));
  return names.length ? `${branch.key}(${names.join(words.separator)})` : branch.key;
}

function intentName(key: string, options: readonly IntentOption[]): string {
  return options.find((o) => o.key === key)?.label ?? key;
}
