/**
 * A call's conversation as stored on Call.transcript: the carrier's turns `{ speaker, text, at }` (seconds from answer),
 * either as an array or wrapped as `{ turns: [...] }`. Anything else reads as no conversation rather than failing.
 */
export interface TranscriptTurn {
  speaker: "ai" | "patient";
  text: string;
  at: number | null;
}

/**
 * A stretch of the transcript opened by an AI line (or by a patient line before any AI line). It is a round (对话轮次,
 * numbered `index` 1, 2 …) only when the patient replied to that AI line; an unanswered AI line — the closing line, or
 * one the patient hung up on — has `index: null`, so the numbered rounds are exactly `countRounds` of the call.
 */
export interface TranscriptRound {
  index: number | null;
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

/**
 * The one definition of a round (对话轮次, docs/metrics.md): an AI line the patient replied to — the AI line and the
 * patient's reply right after it. Several patient lines after one AI line are one round; an AI line followed by
 * another AI line, or by the end of the call, is none.
 */
export function countRounds(turns: readonly Pick<TranscriptTurn, "speaker">[]): number {
  let rounds = 0;
  for (let i = 1; i < turns.length; i++) if (turns[i]!.speaker === "patient" && turns[i - 1]!.speaker === "ai") rounds++;
  return rounds;
}

/**
 * A call's rounds as stored on Call.rounds: counted from its turns when the carrier sent them (so the figure agrees
 * with the transcript's 第N轮 labels), else the carrier's own count.
 */
export function roundsOfAttempt(turns: readonly Pick<TranscriptTurn, "speaker">[] | null | undefined, reported: number): number {
  return turns && turns.length > 0 ? countRounds(turns) : Math.max(0, Math.trunc(reported) || 0);
}

/** Each AI line opens a stretch; the patient's lines belong to the line they answer; answered stretches are numbered. */
export function groupIntoRounds(turns: readonly TranscriptTurn[]): TranscriptRound[] {
  const groups: TranscriptTurn[][] = [];
  for (const turn of turns) {
    const current = groups[groups.length - 1];
    if (turn.speaker === "ai" || !current) groups.push([turn]);
    else current.push(turn);
  }
  let index = 0;
  return groups.map((g) => ({ index: g[0]!.speaker === "ai" && g.length > 1 ? ++index : null, turns: g }));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
