import type { IntentCategory } from "@/server/domain/templates/dialogue";
import type { AnsweringParty } from "./answering-party";
import { canonicalOf, resolveIntent } from "./canonical-intents";

/**
 * A manager's 人工修正 as an evaluation case in the bench's JSON Lines format (bench/intent/cases.ts), so the set grows
 * from real use (`npm run intent:export-corrections`). The label is the manager's; a clinic's own label (custom-…) is
 * written as the template category it maps onto, which is what the bench scores against.
 */
export interface CorrectionCall {
  id: string;
  templateKey: string;
  templateIntents: readonly IntentCategory[];
  scriptIntents: readonly IntentCategory[];
  turns: readonly { speaker: "ai" | "patient"; text: string }[];
  intent: string | null;
  intentBeforeCorrection: string | null;
  reachedParty: string | null;
  optedOut: boolean;
  complaint: boolean;
  callbackRequested: boolean;
  proposedTime: string | null;
}

const PARTIES: readonly AnsweringParty[] = ["patient", "relative", "voicemail", "secretary", "operator", "wrongNumber"];

export function correctionCase(call: CorrectionCall) {
  let intent = call.intent;
  if (intent && !call.templateIntents.some((i) => i.key === intent)) {
    const own = call.scriptIntents.find((i) => i.key === intent);
    const canonical = own ? canonicalOf(own) : null;
    intent = canonical ? (resolveIntent(canonical, call.templateIntents)?.key ?? null) : null;
  }
  return {
    id: `corr-${call.id}`,
    template: call.templateKey,
    turns: call.turns.map((t) => (t.speaker === "ai" ? { ai: t.text } : { patient: t.text })),
    expect: {
      intent,
      alsoAcceptable: [] as string[],
      reached: PARTIES.includes(call.reachedParty as AnsweringParty) ? call.reachedParty : "patient",
      optOut: call.optedOut,
      complaint: call.complaint,
      callback: call.callbackRequested,
      proposedTime: call.proposedTime,
    },
    tags: ["correction"],
    note: `人工修正：${call.intentBeforeCorrection ?? "(空)"} → ${call.intent ?? "(空)"}`,
  };
}
