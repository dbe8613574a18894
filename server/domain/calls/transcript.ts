/**
 * A call's conversation as stored on Call.transcript: the carrier's turns `{ speaker, text, at }` (seconds from answer),
 * either as an array or wrapped as `{ turns: [...] }`. Anything else reads as no conversation rather than failing.
 */
export interface TranscriptTurn {
  speaker: "ai" | "patient";
  text: string;
  at: number | null;
}

/** One round: the AI's line and the patient's replies to it (对话轮次). */
export interface TranscriptRound {
  index: number;
  turns: TranscriptTurn[];
}

export function parseTranscript(value: unknown): TranscriptTurn[] {
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.turns) ? value.turns : [];
  const turns: TranscriptTurn[] = [];
  for (const raw of list) {
    if (!isObject(raw) || typeof raw.text !== "string") continue;
    const speaker = raw.speaker === "ai" || raw.speaker === "bot" ? "ai" : raw.speaker === "patient" || raw.speaker === "callee" ? "patient" : null;
    if (!speaker) continue;
    turns.push({ speaker, text: raw.text, at: typeof raw.at === "number" && Number.isFinite(raw.at) ? raw.at : null });
  }
  return turns;
}

/** Each AI line opens a round; the patient's lines belong to the round they answer. */
export function groupIntoRounds(turns: readonly TranscriptTurn[]): TranscriptRound[] {
  const rounds: TranscriptRound[] = [];
  for (const turn of turns) {
    const current = rounds[rounds.length - 1];
    if (turn.speaker === "ai" || !current) rounds.push({ index: rounds.length + 1, turns: [turn] });
    else current.turns.push(turn);
  }
  return rounds;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
