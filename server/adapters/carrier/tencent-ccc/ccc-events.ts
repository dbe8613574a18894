import { countRounds } from "@/server/domain/calls/transcript";
import type { AttemptCompleted, CarrierEvent, RecordingReady, Turn } from "@/server/ports/carrier";
import { fromCccNumber, hangupByOf, outcomeOfEndStatus, recordingExpiresAt } from "./ccc-mapping";
import { EXTRACT_FIELDS, extractedAnswersOf, type ExtractedAnswers } from "@/server/domain/vendor/ai-call-features";

/**
 * CCC records → our events. A CDR arrives as a data push (`?action=cdr`, fields of 电话 CDR 数据推送) or from
 * DescribeTelCdr (TelCdrInfo): the fields we read have the same names in both. Event ids come from the SessionId, so
 * a re-pushed CDR (same X-TCCC-PUSH-UUID), its polled copy, and the recording in the CDR or in its own push are each
 * one event, recorded once.
 */
export interface CccCdr {
  SdkAppId?: number;
  SessionId?: string;
  Caller?: string;
  Callee?: string;
  Direction?: number;
  Time?: number;
  StartTimestamp?: number;
  RingTimestamp?: number;
  AcceptTimestamp?: number;
  EndedTimestamp?: number;
  Duration?: number;
  EndStatus?: number;
  EndStatusString?: string;
  HungUpSide?: string;
  RecordURL?: string;
  RecordId?: string;
  CustomRecordURL?: string;
  /** 随路数据; CreateAICall has no field to set it (only task / IVR calls do), so it is usually empty here. */
  UUI?: string;
  Uui?: string;
  /** 技能组名称 / 技能组ID / 座席信息 (TelCdrInfo): set when a person took the call — for an AI call, a 转人工. */
  SkillGroup?: string;
  SkillGroupId?: number;
  SeatUser?: { Name?: string; Mail?: string; StaffNumber?: string; UserId?: string };
  /**
   * 服务参与者列表 (电话 CDR 数据推送 https://www.tencentcloud.com/zh/document/product/1229/59641, and TelCdrInfo; the
   * element's fields as in the official SDK's ServeParticipant, tencentcloud-sdk-nodejs ccc/v20200210/ccc_models.ts): "会话服务中的具体细节轨迹通过 ServeParticipants 对象数组
   * 描述(如:电话转接等信息)", one element per service leg of a seat (ServeParticipant: Type "staffSeat" | "outboundSeat" |
   * "staffPhoneSeat", RingTimestamp 振铃时间戳, AcceptTimestamp 接听时间戳, EndedTimestamp, SkillGroupId / SkillGroupName,
   * EndStatusString, Mail, Sequence 参与者序号).
   */
  ServeParticipants?: CccServeParticipant[];
}

export interface CccServeParticipant {
  Mail?: string;
  Phone?: string;
  Type?: string;
  RingTimestamp?: number;
  AcceptTimestamp?: number;
  EndedTimestamp?: number;
  SkillGroupId?: number;
  SkillGroupName?: string;
  EndStatusString?: string;
  Sequence?: number;
}

/** 电话录音数据推送 (`?action=record`): one per participant; the patient's side has EndpointUser = the phone number. */
export interface CccRecordPush {
  SdkAppId?: number;
  RecordId?: string;
  SessionId?: string;
  Timestamp?: number;
  EndpointUser?: string;
  RecordURL?: string;
  CustomRecordURL?: string;
}

export const cdrEventId = (sessionId: string) => `ccc:cdr:${sessionId}`;
export const recordingEventId = (sessionId: string) => `ccc:record:${sessionId}`;
/** One participant's recording: one event per side (SessionId + EndpointUser index it, 录音数据推送). */
export const recordingTrackEventId = (sessionId: string, participant: string) => `ccc:record:${sessionId}:${participant}`;

const iso = (sec: number | undefined, fallbackMs: number) => new Date(sec && sec > 0 ? sec * 1000 : fallbackMs).toISOString();

/** EndStatus names are documented as one-to-one with the codes; a push that only has the string still maps. */
function endStatusOf(cdr: CccCdr): number | undefined {
  if (typeof cdr.EndStatus === "number") return cdr.EndStatus;
  if (cdr.EndStatusString === "ok") return 1;
  return undefined;
}

/** Who took over an AI call (TelCdrInfo SkillGroup / SkillGroupId / SeatUser): null when nobody did. */
export function transferOf(cdr: CccCdr): string | null {
  const seat = cdr.SeatUser?.Name || cdr.SeatUser?.StaffNumber || cdr.SeatUser?.Mail || "";
  const group = cdr.SkillGroup || (cdr.SkillGroupId ? String(cdr.SkillGroupId) : "");
  if (!group && !seat) return null;
  return [group, seat].filter(Boolean).join(" / ").slice(0, 120);
}

/**
 * The 转人工 leg of an AI call and whether a person answered it. No CDR field says "the transfer was answered"; the
 * documented signal we read (docs/carrier.md) is the seat legs of ServeParticipants: a leg with AcceptTimestamp (接听时间戳)
 * > 0 was answered; legs that only rang (AcceptTimestamp 0 / absent) mean the transfer rang out. A CDR without legs but
 * with SeatUser (客服信息, "如果发生转接则是最后一个客服信息") was answered by that seat; a SkillGroup alone says nothing
 * about the answer (null). No legs and no seat: no transfer we can see (a transfer to a group with no seat online leaves
 * no leg — not detected).
 */
export function transferLegOf(cdr: CccCdr): { to: string; answered: boolean | null } | null {
  const legs = (cdr.ServeParticipants ?? []).filter((p) => p && (p.SkillGroupId || p.SkillGroupName || p.Mail || p.RingTimestamp));
  const legName = (p: CccServeParticipant) => [p.SkillGroupName || (p.SkillGroupId ? String(p.SkillGroupId) : ""), p.Mail || ""].filter(Boolean).join(" / ");
  if (legs.length) {
    const taken = [...legs].sort((a, b) => (a.Sequence ?? 0) - (b.Sequence ?? 0)).find((p) => (p.AcceptTimestamp ?? 0) > 0);
    const to = (transferOf(cdr) ?? legName(taken ?? legs[0]!)) || "?";
    return { to: to.slice(0, 120), answered: taken !== undefined };
  }
  const to = transferOf(cdr);
  if (!to) return null;
  const seat = cdr.SeatUser?.Name || cdr.SeatUser?.StaffNumber || cdr.SeatUser?.Mail || cdr.SeatUser?.UserId;
  return { to, answered: seat ? true : null };
}

/** AICallExtractResultElement[] (DescribeAICallExtractResult) → our fields, by the InfoName we configured. */
export interface CccExtractElement {
  InfoType?: string;
  InfoName?: string;
  Result?: { Text?: string; Chosen?: string[]; Boolean?: boolean; Number?: number };
}

export function extractionOf(list: CccExtractElement[] | undefined): ExtractedAnswers | null {
  const out: Record<string, unknown> = {};
  for (const field of EXTRACT_FIELDS) {
    const r = (list ?? []).find((e) => e.InfoName === field.name)?.Result;
    if (!r) continue;
    out[field.key] = field.type === "Boolean" ? r.Boolean : (r.Text ?? r.Chosen?.join("、"));
  }
  return extractedAnswersOf(out);
}

export function cdrToEvents(
  cdr: CccCdr,
  opts: { nowMs: number; turns?: Turn[]; clientRef?: string; transcriptPending?: boolean; extraction?: ExtractedAnswers | null },
): CarrierEvent[] {
  const sessionId = cdr.SessionId;
  if (!sessionId) return [];
  const { outcome, rawCode } = outcomeOfEndStatus(endStatusOf(cdr));
  const started = cdr.StartTimestamp || cdr.Time;
  const answered = outcome === "answered" && cdr.AcceptTimestamp ? cdr.AcceptTimestamp : null;
  const ended = cdr.EndedTimestamp || answered || started;
  const ring = cdr.RingTimestamp ?? null;
  const turns = answered ? (opts.turns ?? []) : [];
  const clientRef = opts.clientRef ?? cdr.UUI ?? cdr.Uui ?? "";
  const transfer = transferLegOf(cdr);
  const attempt: AttemptCompleted = {
    type: "attempt.completed",
    eventId: cdrEventId(sessionId),
    occurredAt: iso(ended, opts.nowMs),
    carrierCallId: sessionId,
    clientRef,
    outcome,
    rawCode: cdr.EndStatusString && !rawCode.includes(":") ? `${rawCode}:${cdr.EndStatusString}` : rawCode,
    callerId: fromCccNumber(cdr.Caller),
    dialedAt: iso(started, opts.nowMs),
    answeredAt: answered ? iso(answered, opts.nowMs) : null,
    endedAt: iso(ended, opts.nowMs),
    ringSeconds: ring ? Math.max(0, (answered ?? ended ?? ring) - ring) : 0,
    talkSeconds: answered ? Math.max(0, (ended ?? answered) - answered) : 0,
    hangupBy: hangupByOf(cdr.HungUpSide),
    turns,
    rounds: roundsOf(turns),
    ...(answered && opts.transcriptPending ? { transcriptPending: true } : {}),
    ...(answered && transfer ? { transferredTo: transfer.to, transferAnswered: transfer.answered } : {}),
    ...(answered && opts.extraction ? { extraction: opts.extraction } : {}),
  };
  const events: CarrierEvent[] = [attempt];
  const url = cdr.CustomRecordURL || cdr.RecordURL;
  if (answered && url) {
    events.push(recordingEvent(sessionId, clientRef, url, ended, attempt.talkSeconds, opts.nowMs));
  }
  return events;
}

/**
 * 电话录音数据推送 (https://www.tencentcloud.com/document/product/1229/59642): "a separate recording for each participant
 * in the session … distinguished by EndpointUser (the user's mobile phone number or the agent's email)"; a transfer adds
 * a third. So a record push is one side: a track event of its own, never the call's recording.
 */
export function recordPushToTrack(push: CccRecordPush, opts: { nowMs: number }): RecordingReady | null {
  const url = push.CustomRecordURL || push.RecordURL;
  const participant = (push.EndpointUser ?? "").trim();
  if (!push.SessionId || !url || !participant) return null;
  const side = participant.includes("@") ? "agent" : "patient";
  return {
    ...recordingEvent(push.SessionId, "", url, push.Timestamp, 0, opts.nowMs),
    eventId: recordingTrackEventId(push.SessionId, participant.slice(0, 120)),
    track: { participant: participant.slice(0, 120), side },
  };
}

function recordingEvent(sessionId: string, clientRef: string, url: string, atSec: number | undefined, durationSeconds: number, nowMs: number): RecordingReady {
  return {
    type: "recording.ready",
    eventId: recordingEventId(sessionId),
    occurredAt: iso(atSec, nowMs),
    carrierCallId: sessionId,
    clientRef,
    url,
    expiresAt: recordingExpiresAt(url, atSec, nowMs),
    format: /\.wav(\?|$)/i.test(url) ? "wav" : "mp3",
    durationSeconds,
  };
}

/** DescribeAICallInteractionRecords rounds → turns, timed from the answer. */
export interface CccInteractionRound {
  RoundIndex?: number;
  Messages?: { Timestamp?: number; UserReply?: { ASRTranscript?: string }; AISpeak?: { SpokenText?: string } }[];
}

export function turnsFromInteraction(rounds: CccInteractionRound[] | undefined, answeredAtSec: number | undefined): Turn[] {
  const turns: Turn[] = [];
  const sorted = [...(rounds ?? [])].sort((a, b) => (a.RoundIndex ?? 0) - (b.RoundIndex ?? 0));
  for (const round of sorted) {
    for (const m of round.Messages ?? []) {
      const at = m.Timestamp && answeredAtSec ? Math.max(0, Math.round((m.Timestamp / 1000 - answeredAtSec) * 10) / 10) : 0;
      const ai = m.AISpeak?.SpokenText?.trim();
      const user = m.UserReply?.ASRTranscript?.trim();
      if (ai) turns.push({ speaker: "ai", text: ai, at });
      if (user) turns.push({ speaker: "patient", text: user, at });
    }
  }
  return turns.sort((a, b) => a.at - b.at);
}

/** Dialogue rounds as the product counts them (one definition, in the domain). */
export const roundsOf = (turns: Turn[]): number => countRounds(turns);
