import { SYSTEM_ROLE_NAMES } from "@/server/domain/auth/permissions";
import { CALL_TASK_REASON_LABELS } from "@/server/domain/call-tasks/reasons";
import { JOURNEY_STATUS_LABELS } from "@/server/domain/journey/journey-status";
import { BRANCH_NAMES } from "@/server/domain/journey/intent-branches";
import { NODE_KIND_NAMES } from "@/server/domain/journey/journey-graph";
import { ROSTER_STATUS_LABELS } from "@/server/domain/journey/roster";
import { SCENARIO_NAMES } from "@/server/domain/templates/blueprint";
import { PRESET_TEMPLATES } from "@/server/domain/templates/catalog";
import { FIXED_SCENARIO_NAME } from "@/server/domain/templates/fixed-templates";
import { INTENT } from "@/server/domain/templates/intents";
import { VOICES } from "@/server/domain/templates/voices";

/**
 * The words the product itself supplies that reach the UI as data (stored on rows or computed by the domain, in zh-CN):
 * intent labels, system role names, voices, preset template names, descriptions and scenarios, node kinds, statuses, task
 * reasons. Each has a message key in the `vocabulary` namespace; `server/i18n/messages/zh-CN/vocabulary.json` holds
 * exactly these texts (a unit test checks), `en/vocabulary.json` their translations.
 *
 * Text is matched whole: a label a clinic typed (a renamed intent, a custom role, a node's own name) is not in here and
 * shows as typed.
 */
export const PLATFORM_ADMIN_ROLE_NAME = "平台管理员";

function build(): Record<string, string> {
  const words: Record<string, string> = {};
  for (const i of Object.values(INTENT)) words[`intent_${i.key}`] = i.label;
  for (const [key, name] of Object.entries(SYSTEM_ROLE_NAMES)) words[`role_${key}`] = name;
  words.role_platformAdmin = PLATFORM_ADMIN_ROLE_NAME;
  for (const v of VOICES) {
    words[`voiceName_${v.key}`] = v.name;
    words[`voiceStyle_${v.key}`] = v.style;
  }
  for (const t of PRESET_TEMPLATES) {
    words[`templateName_${t.key}`] = t.name;
    words[`templateDescription_${t.key}`] = t.description;
  }
  for (const [key, name] of Object.entries(SCENARIO_NAMES)) words[`scenario_${key}`] = name;
  words.scenario_fixed = FIXED_SCENARIO_NAME;
  for (const [kind, name] of Object.entries(NODE_KIND_NAMES)) words[`nodeKind_${kind}`] = name;
  words.branch_empty = BRANCH_NAMES.empty;
  words.branch_other = BRANCH_NAMES.other;
  for (const [status, label] of Object.entries(JOURNEY_STATUS_LABELS)) words[`journeyStatus_${status}`] = label;
  for (const [status, label] of Object.entries(ROSTER_STATUS_LABELS)) words[`dispatchStatus_${status}`] = label;
  for (const [code, labels] of Object.entries(CALL_TASK_REASON_LABELS)) words[`reason_${code}`] = labels["zh-CN"];
  words.reason_roster_missingNextAppointment = "客户未找到预约信息";
  return words;
}

/** zh-CN text by message key. */
export const VOCABULARY: Readonly<Record<string, string>> = build();

const KEY_BY_TEXT = new Map<string, string>();
for (const [key, text] of Object.entries(VOCABULARY)) if (!KEY_BY_TEXT.has(text)) KEY_BY_TEXT.set(text, key);

/** The `vocabulary` message key of a product-supplied text, or null for text a user entered. */
export function vocabularyKeyOf(text: string): string | null {
  return KEY_BY_TEXT.get(text.trim()) ?? null;
}

const NUMBERED_NODE = /^(.+) (\d+)$/;
const BRANCH_LABEL = /^([A-Z])\((.+)\)$/;

/**
 * A product-supplied text in another locale through `word(key)` (the `vocabulary` messages), including what the domain
 * composes from them: a node's default name (智能外呼 1) and a branch label (A(有意向、比较有意向)). Other text is
 * returned as it is.
 */
export function translateProductText(text: string, word: (key: string) => string, listSeparator: string): string {
  const key = vocabularyKeyOf(text);
  if (key) return word(key);
  const numbered = NUMBERED_NODE.exec(text);
  const kindKey = numbered && vocabularyKeyOf(numbered[1]!);
  if (numbered && kindKey?.startsWith("nodeKind_")) return `${word(kindKey)} ${numbered[2]}`;
  const branch = BRANCH_LABEL.exec(text);
  if (branch) return `${branch[1]}(${branch[2]!.split("、").map((s) => translateProductText(s, word, listSeparator)).join(listSeparator)})`;
  return text;
}
