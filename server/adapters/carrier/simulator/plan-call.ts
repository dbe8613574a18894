import { parseClientRef } from "@/server/domain/call-tasks/client-ref";
import type { CreateCallInput, Turn } from "@/server/ports/carrier";
import {
  RAW_CODES,
  callerIdFor,
  outcomeOf,
  personaOf,
  stableUnit,
  transferBehaviourOf,
  type Persona,
  type SimOutcome,
} from "./number-behaviour";
import { walkDialogue, type SpokenLine } from "./walk-dialogue";

/** Everything the simulator decides about one call when it accepts it. Times are simulated seconds after acceptance. */
export interface SimCallPlan {
  carrierCallId: string;
  clientRef: string;
  callee: string;
  callerId: string;
  attempt: number;
  outcome: SimOutcome;
  rawCode: string;
  persona: Persona | null;
  queueSeconds: number;
  ringSeconds: number;
  talkSeconds: number;
  turns: Turn[];
  rounds: number;
  hangupBy: "callee" | "bot" | "system";
  /** 转人工: the leg handed to the clinic's front desk (its skill group) and whether a person answered it; null = none. */
  transfer?: { skillGroup: string; answered: boolean } | null;
  /** Seeds the pauses between lines, so re-timing with measured durations keeps them. */
  timingKey?: string;
}

/** Ring timeout of the simulated vendor (a 无应答 rings this long). */
export const RING_TIMEOUT_SECONDS = 45;

/** The attempt our clientRef names (server/domain/call-tasks/client-ref.ts); anything else counts as a first attempt. */
export function attemptOf(clientRef: string): number {
  return parseClientRef(clientRef)?.attempt ?? 1;
}

/** Rough duration of a spoken line: espeak-ng Mandarin at normal speed says ~3.7 characters a second. */
export function speechSeconds(text: string, speedPercent = 100): number {
  const chars = [...text.replace(/\s+/g, "")].length;
  return Math.round(((0.4 + chars * 0.27) * 1000) / Math.max(50, speedPercent)) / 10;
}

function between(key: string, salt: string, lo: number, hi: number): number {
  return Math.round((lo + stableUnit(key, salt) * (hi - lo)) * 10) / 10;
}

/**
 * Lays the lines out in time from the moment of answer: each line lasts its spoken duration (measured from the
 * synthesised audio when given, else estimated) and the other side answers after a short pause.
 */
export function timeLines(
  lines: readonly SpokenLine[],
  key: string,
  opts: { aiSpeed?: number; durations?: readonly number[] } = {},
): { turns: Turn[]; talkSeconds: number } {
  let t = between(key, "first-line", 0.6, 1.2);
  const turns: Turn[] = [];
  lines.forEach((line, i) => {
    turns.push({ speaker: line.speaker, text: line.text, at: Math.round(t * 10) / 10 });
    t += opts.durations?.[i] ?? speechSeconds(line.text, line.speaker === "ai" ? (opts.aiSpeed ?? 100) : 100);
    t += between(key, `gap-${i}`, 0.5, 1.2);
  });
  return { turns, talkSeconds: Math.max(1, Math.ceil(t)) };
}

function ringSecondsFor(outcome: SimOutcome, key: string): number {
  switch (outcome) {
    case "answered":
      return Math.round(between(key, "ring", 3, 14));
    case "noAnswer":
      return RING_TIMEOUT_SECONDS;
    case "busy":
      return Math.round(between(key, "ring", 1, 3));
    case "rejected":
      return Math.round(between(key, "ring", 3, 9));
    case "failed":
      return Math.round(between(key, "ring", 0, 2));
    default:
      return 0; // 关机 / 空号 / 停机: an announcement, no ringing
  }
}

export function planCall(input: CreateCallInput, carrierCallId: string): SimCallPlan {
  const attempt = attemptOf(input.clientRef);
  const outcome = outcomeOf(input.callee, attempt);
  const key = `${input.clientRef}|${input.callee}`;
  const base = {
    carrierCallId,
    clientRef: input.clientRef,
    callee: input.callee,
    callerId: callerIdFor(input.callee, input.city),
    attempt,
    outcome,
    rawCode: RAW_CODES[outcome],
    queueSeconds: between(key, "queue", 1, 4),
    ringSeconds: ringSecondsFor(outcome, key),
  };
  if (outcome !== "answered") {
    return { ...base, persona: null, talkSeconds: 0, turns: [], rounds: 0, hangupBy: outcome === "rejected" ? "callee" : "system" };
  }
  const persona = personaOf(input.callee);
  // The conversation depends only on the number's last four digits (and the attempt), like its outcome and persona.
  const walked = walkDialogue(input.script.dialogues, persona, input.variables, `${input.callee.slice(-4)}:${attempt}`);
  const transfer = transferOf(input);
  if (transfer) {
    const lines = transferLines(walked.lines, transfer.answered);
    const { turns, talkSeconds } = timeLines(lines, key, { aiSpeed: input.script.voice?.speed ?? 100 });
    // Answered: the front desk talks to the patient, who hangs up; not answered: the AI apologises and ends the call.
    return { ...base, persona, talkSeconds, turns, rounds: 1, hangupBy: transfer.answered ? "callee" : "bot", transfer, timingKey: key };
  }
  const { turns, talkSeconds } = timeLines(walked.lines, key, { aiSpeed: input.script.voice?.speed ?? 100 });
  return { ...base, persona, talkSeconds, turns, rounds: walked.rounds, hangupBy: walked.hangupBy, timingKey: key };
}

/**
 * The transfer the number asks for (number-behaviour.ts), if the request allows one: an AI script, the company's 转人工
 * feature on and the clinic's front-desk skill group set — the same conditions as the Tencent request's TransferItems.
 */
function transferOf(input: CreateCallInput): SimCallPlan["transfer"] {
  const behaviour = transferBehaviourOf(input.callee);
  const vendor = input.vendor;
  if (!behaviour || !vendor?.features.transferToFrontDesk || vendor.frontDeskSkillGroupId === null || input.script.kind === "fixed") return null;
  return { skillGroup: `前台技能组 ${vendor.frontDeskSkillGroupId}`, answered: behaviour === "answered" };
}

/** The greeting, the patient's request for a person, the AI's hand-over; when nobody answers, its apology. */
function transferLines(walked: readonly SpokenLine[], answered: boolean): SpokenLine[] {
  const greeting = walked.find((l) => l.speaker === "ai") ?? { speaker: "ai" as const, text: "您好" };
  const lines: SpokenLine[] = [greeting, { speaker: "patient", text: "我想直接跟前台说，帮我转人工吧。" }, { speaker: "ai", text: "好的，马上为您转接诊所前台，请稍候。" }];
  if (!answered) lines.push({ speaker: "ai", text: "抱歉，前台暂时无人接听，稍后会请工作人员给您回电。" });
  return lines;
}
