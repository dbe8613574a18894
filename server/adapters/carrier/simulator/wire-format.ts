import { z } from "zod";
import { InvalidCallback, type CarrierEvent, type CarrierOutcome } from "@/server/ports/carrier";

/**
 * The simulated vendor's own push format (snake_case, vendor result codes — modelled on Alibaba AICCS receipts).
 * The adapter maps it onto our CarrierEvent vocabulary, keeping the raw code, exactly as a real vendor adapter would.
 */
const base = {
  event_id: z.string().min(1),
  occurred_at: z.iso.datetime(),
  call_id: z.string().min(1),
  out_id: z.string().min(1),
};

const callRecord = z.object({
  ...base,
  event_type: z.literal("call_record"),
  status_code: z.string(),
  caller: z.string(),
  callee: z.string(),
  start_time: z.iso.datetime(),
  answer_time: z.iso.datetime().nullable(),
  end_time: z.iso.datetime(),
  ring_duration: z.number().int().nonnegative(),
  talk_duration: z.number().int().nonnegative(),
  hangup_side: z.enum(["CALLEE", "ROBOT", "SYSTEM"]),
  dialogue: z.array(z.object({ role: z.enum(["robot", "customer"]), content: z.string(), offset: z.number().nonnegative() })),
  rounds: z.number().int().nonnegative(),
  /** 转人工: the skill group the call was handed to and whether a person answered that leg (absent = no transfer). */
  transfer: z.object({ skill_group: z.string().min(1), answered: z.boolean() }).optional(),
});

const recording = z.object({
  ...base,
  event_type: z.literal("recording"),
  recording_url: z.string().url(),
  expires_at: z.iso.datetime(),
  format: z.enum(["mp3", "wav"]),
  duration: z.number().nonnegative(),
});

const callStatus = z.object({
  ...base,
  event_type: z.literal("call_status"),
  status: z.enum(["QUEUED", "RINGING", "TALKING"]),
});

export const wireEventSchema = z.discriminatedUnion("event_type", [callRecord, recording, callStatus]);
export type WireEvent = z.infer<typeof wireEventSchema>;
export type WireCallRecord = z.infer<typeof callRecord>;
export type WireRecording = z.infer<typeof recording>;

/** Vendor result code → our outcome. Unknown codes are failures (the raw code is kept on the event). */
const OUTCOME_BY_CODE: Record<string, CarrierOutcome> = {
  ANSWERED: "answered",
  NO_ANSWER: "noAnswer",
  USER_BUSY: "busy",
  CALL_REJECTED: "rejected",
  POWERED_OFF: "poweredOff",
  INVALID_NUMBER: "emptyNumber",
  SUSPEND: "suspended",
  NO_USER_RESPONDING: "unreachable",
  UNAVAILABLE: "unreachable",
  NETWORK_BUSY: "networkBusy",
  OPERATOR_BLOCK: "carrierBlocked",
  INTELLIGENT_ANSWER: "voiceAssistant",
  CANCEL: "cancelled",
  OTHERS: "failed",
};

export const outcomeOfCode = (code: string): CarrierOutcome => OUTCOME_BY_CODE[code] ?? "failed";

const HANGUP: Record<WireCallRecord["hangup_side"], "callee" | "bot" | "system"> = { CALLEE: "callee", ROBOT: "bot", SYSTEM: "system" };
const STATE = { QUEUED: "queued", RINGING: "ringing", TALKING: "inCall" } as const;

export function toCarrierEvent(wire: WireEvent): CarrierEvent {
  const common = { eventId: wire.event_id, occurredAt: wire.occurred_at, carrierCallId: wire.call_id, clientRef: wire.out_id };
  switch (wire.event_type) {
    case "call_record":
      return {
        ...common,
        type: "attempt.completed",
        outcome: outcomeOfCode(wire.status_code),
        rawCode: wire.status_code,
        callerId: wire.caller,
        dialedAt: wire.start_time,
        answeredAt: wire.answer_time,
        endedAt: wire.end_time,
        ringSeconds: wire.ring_duration,
        talkSeconds: wire.talk_duration,
        hangupBy: HANGUP[wire.hangup_side],
        turns: wire.dialogue.map((d) => ({ speaker: d.role === "robot" ? "ai" : "patient", text: d.content, at: d.offset })),
        rounds: wire.rounds,
        ...(wire.transfer ? { transferredTo: wire.transfer.skill_group, transferAnswered: wire.transfer.answered } : {}),
      };
    case "recording":
      return {
        ...common,
        type: "recording.ready",
        url: wire.recording_url,
        expiresAt: wire.expires_at,
        format: wire.format,
        durationSeconds: wire.duration,
      };
    case "call_status":
      return { ...common, type: "call.state", state: STATE[wire.status] };
  }
}

/** A delivery body is one event or a batch (JSON array) of them. */
export function parseWireBody(rawBody: string): CarrierEvent[] {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new InvalidCallback("body is not JSON", "payload");
  }
  const parsed = z.union([wireEventSchema, z.array(wireEventSchema).min(1).max(500)]).safeParse(json);
  if (!parsed.success) throw new InvalidCallback(`unexpected payload: ${parsed.error.issues[0]?.message ?? "invalid"}`, "payload");
  return (Array.isArray(parsed.data) ? parsed.data : [parsed.data]).map(toCarrierEvent);
}
