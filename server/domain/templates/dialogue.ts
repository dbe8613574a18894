/**
 * The shape of a script's dialogue, shared by the script studio (preview bubbles, editing), the carrier simulator (walks it
 * to simulate a conversation) and intent classification. A script's `preview` Json is `ScriptDialogues`.
 */
export interface DialogueReply {
  /** A likely patient reply, e.g. "好的，我明天上午过去". */
  text: string;
  /** The intent key this reply leads to (one of the template's intents), if it decides one. */
  intent?: string;
  /** What the AI does next: the next round of this scenario, jump to another scenario by key, or hang up. */
  next: { kind: "continue" } | { kind: "scenario"; scenario: string } | { kind: "end" };
}

export interface DialogueRound {
  /** The AI's line (blue bubble); editable by double-click in the studio. */
  ai: string;
  replies: DialogueReply[];
}

export interface ScenarioDialogue {
  /** Stable key, e.g. "main-1", "ai-cannot-answer", "not-local", "busy-or-refuse", "asks-price-address". */
  key: string;
  /** Tab label, e.g. 主流程-1, AI无法应答, 客户不在当地. */
  name: string;
  rounds: DialogueRound[];
}

export interface IntentCategory {
  /** Stable key, e.g. "interested", "somewhatInterested", "notInterested", "refused", "optOut". */
  key: string;
  /** 有意向 / 比较有意向 / 没意向 / 拒绝来电 … */
  label: string;
  /**
   * A clinic's own label (renamed or added in the script) says which canonical intent it means (server/domain/intent/
   * canonical-intents.ts), so classification, journeys and metrics keep working whatever it is called.
   */
  canonical?: string;
}

export interface ScriptDialogues {
  /** The first entry is the main flow. */
  scenarios: ScenarioDialogue[];
  intents: IntentCategory[];
}
