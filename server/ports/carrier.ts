import type { CarrierOutcome } from "@/server/domain/calls/call-outcome";
import type { ScriptDialogues } from "@/server/domain/templates/dialogue";
import type { AiCallFeatures, ExtractedAnswers } from "@/server/domain/vendor/ai-call-features";
import type { CallingAccount } from "@/server/domain/vendor/capacity-problems";

/**
 * The carrier (AI outbound-bot vendor) port, modelled on real vendors (../shared/design/carrier.md):
 * createCall only accepts; results arrive later as events, at least once and unordered, and can be polled.
 */

/** Our one outcome vocabulary lives in the domain (server/domain/calls/call-outcome.ts); adapters map onto it. */
export type { CarrierOutcome };

export interface CallScriptSnapshot {
  scriptId: string;
  kind: "ai" | "fixed";
  category: "service" | "marketing";
  /** AI scripts: the (possibly edited) scenario dialogues; fixed scripts: one scenario with the rendered text. */
  dialogues: ScriptDialogues;
  /** gender (optional) lets the simulator give the patient a voice of the other gender in recordings. */
  voice: { key: string; speed: number; pitch: number; volume: number; gender?: "male" | "female" } | null;
}

export interface CreateCallInput {
  /** Our idempotency key, echoed back on every event: `${callTaskId}:${attempt}`. */
  clientRef: string;
  callee: string;
  /** The clinic's city, to pick a local caller id from the pool. */
  city?: string;
  script: CallScriptSnapshot;
  /** Values substituted into the script (patient name, clinic short name and address, appointment time …). */
  variables: Record<string, string>;
  /** The company's vendor call features and the clinic's front desk (转人工); carriers without them ignore this. */
  vendor?: { features: AiCallFeatures; frontDeskSkillGroupId: number | null };
}

export interface Turn {
  speaker: "ai" | "patient";
  text: string;
  /** Seconds from answer. */
  at: number;
}

export interface AttemptCompleted {
  type: "attempt.completed";
  eventId: string;
  occurredAt: string; // ISO
  carrierCallId: string;
  clientRef: string;
  outcome: CarrierOutcome;
  rawCode: string;
  callerId: string;
  dialedAt: string;
  answeredAt: string | null;
  endedAt: string;
  ringSeconds: number;
  talkSeconds: number;
  hangupBy: "callee" | "bot" | "system";
  turns: Turn[];
  /** AI line + patient reply pairs. */
  rounds: number;
  /** The conversation could not be fetched yet (vendor lookup failed): the result stands, turns come later. */
  transcriptPending?: boolean;
  /** The AI handed the call to a person (Tencent 转人工): the skill group (or seat) that took it. */
  transferredTo?: string | null;
  /**
   * With transferredTo: whether a person took the transferred leg (false: it rang out, or no seat was free). null /
   * absent = the carrier does not say (docs/carrier.md).
   */
  transferAnswered?: boolean | null;
  /** The vendor's structured extraction of the conversation (Tencent ExtractConfig), when it made one. */
  extraction?: ExtractedAnswers | null;
}

export interface RecordingReady {
  type: "recording.ready";
  eventId: string;
  occurredAt: string;
  carrierCallId: string;
  clientRef: string;
  url: string;
  expiresAt: string;
  format: "mp3" | "wav";
  durationSeconds: number;
  /**
   * Set when this is one participant's recording, not the whole call's (Tencent CCC pushes one per participant): stored
   * as a RecordingTrack and played as a track of its own, never as the call's recording. `participant` is the vendor's
   * id of that side (a phone number or an agent's e-mail).
   */
  track?: { participant: string; side: "patient" | "agent" };
}

export interface CallState {
  type: "call.state";
  eventId: string;
  occurredAt: string;
  carrierCallId: string;
  clientRef: string;
  state: "queued" | "ringing" | "inCall";
}

export type CarrierEvent = AttemptCompleted | RecordingReady | CallState;

/** One item of a batch create: accepted, refused (as createCall would throw), or unknown (the answer for it was lost). */
export type BatchCreateItem =
  | { ok: true; carrierCallId: string; callerId: string }
  | { ok: false; rejected: CarrierRejected }
  | { ok: false; unknown: Error };

export interface CarrierPort {
  /** Accepts the call (or throws CarrierRejected for a control-plane refusal such as a rate limit). */
  createCall(input: CreateCallInput): Promise<{ carrierCallId: string; callerId: string }>;
  /**
   * Many calls in one request, for carriers that offer it (the carrier simulator's `POST /v1/calls/batch`): one item per
   * input, in order, each decided on its own as createCall would. Throws when the request as a whole got no answer
   * (every item may or may not have been accepted). Without it the dialer places a batch with createCall, a bounded
   * number at a time (Tencent CCC: one call per request, docs/dialer.md "Batched placement").
   */
  createCalls?(inputs: CreateCallInput[]): Promise<BatchCreateItem[]>;
  cancelCall(carrierCallId: string): Promise<void>;
  /** Reconciliation: the events the carrier has for a call so far (completed attempt, recording), or null if unknown. */
  getCall(carrierCallId: string): Promise<CarrierEvent[] | null>;
  /**
   * Reconciliation of a placement whose answer we never stored (our process died, or the database was down, between the
   * carrier accepting and our Call row): the call our clientRef created, or null if the carrier never accepted it.
   * Optional — without it such a claim waits PLACING_STALE_MS (docs/dialer.md).
   */
  findCallByClientRef?(
    clientRef: string,
    /** What we know of the placement: vendors without a user-data field (Tencent CCC) search their CDRs by callee and time. */
    hint?: { callee: string; placingAt: Date },
  ): Promise<{ carrierCallId: string; callerId: string } | null | "notYet">;
  /**
   * How long after dialing a call the carrier does not know is closed as lost (default LOST_AFTER_MS): a carrier whose
   * records appear only after the call ended (Tencent's CDR) needs longer than its longest call.
   */
  readonly lostAfterMs?: number;
  /** Whether createCall sends the company's AI-call features (Company.aiCallFeatures) to the vendor; the simulator does not. */
  readonly usesAiCallFeatures?: boolean;
  /** The conversation of an answered call whose result came with `transcriptPending` (null: the vendor has none). */
  fetchTurns?(carrierCallId: string): Promise<Turn[] | null>;
  /** What the vendor account can do now (numbers, packages, seats): the capacity and configuration check. */
  describeAccount?(): Promise<CallingAccount>;
  /** A fresh URL for a recording whose link expired. */
  refreshRecording(carrierCallId: string): Promise<RecordingReady | null>;
  /**
   * Whether a recording link points at this carrier's own hosts: a `recording_url` is fetched only then (a forged or
   * misconfigured push must not make the server fetch an arbitrary address).
   */
  servesRecordingsFrom(url: URL): boolean;
  /**
   * Verifies a webhook delivery (signature, replay window) and splits batches; throws InvalidCallback when forged.
   * `url` carries what some vendors put in the query (Tencent CCC: `?action=cdr|record`); a vendor adapter may need to
   * ask its API for the rest of a record (the conversation), hence the optional Promise.
   */
  parseCallback(headers: Headers, rawBody: string, url?: URL): CarrierEvent[] | Promise<CarrierEvent[]>;
}

export class CarrierRejected extends Error {
  constructor(
    readonly reason: "rateLimited" | "invalidNumber" | "insufficientBalance" | "unavailable",
    message: string,
    /** The vendor's documented error code: the dialer reads its disposition from server/domain/vendor/vendor-errors.ts. */
    readonly vendor?: { api: "ccc"; code: string },
  ) {
    super(message);
    this.name = "CarrierRejected";
  }
}

export class InvalidCallback extends Error {
  constructor(
    message: string,
    /** "signature": not from the carrier (or replayed) → 401; "payload": signed but unreadable → 400. */
    readonly problem: "signature" | "payload" = "signature",
  ) {
    super(message);
    this.name = "InvalidCallback";
  }
}

