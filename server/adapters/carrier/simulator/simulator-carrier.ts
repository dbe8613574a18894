import { randomUUID } from "node:crypto";
import {
  CarrierRejected,
  type CarrierEvent,
  type CarrierPort,
  type CreateCallInput,
  type RecordingReady,
} from "@/server/ports/carrier";
import type { ObjectStorage } from "@/server/ports/storage";
import type { TtsPort, TtsVoiceSettings } from "@/server/ports/tts";
import { DEFAULT_VOICE_KEY } from "@/server/domain/templates/voices";
import { verifySignature } from "../webhook-signature";
import { RAW_CODES, stableUnit } from "./number-behaviour";
import { sendDue, type Delivery } from "./outbox";
import { planCall, timeLines, type SimCallPlan } from "./plan-call";
import { recordingMetaKey, recordingObjectKey, recordingUrl, type RecordingMeta } from "./recording-links";
import { callVoices, clipSeconds, mixRecording, speakLines } from "./render-recording";
import { parseWireBody, toCarrierEvent, type WireCallRecord, type WireEvent } from "./wire-format";
import { wireCallRecord, wireHeader } from "./wire-events";

export interface SimulatorFaults {
  /** Share of deliveries pushed twice. */
  duplicate: number;
  /** Share of answered calls whose recording arrives before the call record. */
  reorder: number;
  /** Share of deliveries that go out inside a JSON array (with whatever else is due). */
  batch: number;
  /** Share of call records never pushed: only getCall (reconciliation) finds them. */
  drop: number;
}

export interface SimulatorOptions {
  /** Where events are pushed; a list fails over (each retry of a delivery goes to the next), like a load balancer. */
  webhookUrl: string | string[];
  /** Base URL of the simulator's recording links (this app). */
  publicBaseUrl: string;
  secret: string;
  /** 60 = one simulated minute per real second. */
  timeScale: number;
  faults: SimulatorFaults;
  /** The simulated vendor's own object store for recordings. */
  storage: ObjectStorage;
  /** null: calls have no recordings. */
  tts: TtsPort | null;
  recordingTtlSeconds: number;
  maxAcceptsPerSecond: number;
  now?: () => number;
  fetch?: typeof fetch;
  log?: (message: string) => void;
}

export interface SimCall {
  plan: SimCallPlan;
  acceptedAt: number;
  /** Wall-clock ms at which the callee answers (null: never) and the call ends. */
  answerAt: number | null;
  endAt: number;
  /** Every event the carrier knows of, with the wall time from which getCall reports it. */
  known: { wire: WireEvent; availableAt: number }[];
  cancelled: boolean;
  reorder: boolean;
  aiVoice: TtsVoiceSettings;
  aiGender: "male" | "female" | undefined;
}

/** Plain data, kept on globalThis so a dev-server hot reload keeps pending calls and deliveries. */
export interface SimulatorState {
  calls: Map<string, SimCall>;
  /** Our clientRef → the call it created: the vendor's idempotency key (carrier.md), so a re-sent create dials no one. */
  byClientRef: Map<string, string>;
  outbox: Delivery[];
  accepts: number[];
  jobs: Set<Promise<unknown>>;
  timer: ReturnType<typeof setInterval> | null;
}

export const newSimulatorState = (): SimulatorState => ({ calls: new Map(), byClientRef: new Map(), outbox: [], accepts: [], jobs: new Set(), timer: null });

const MOBILE_RE = /^1[3-9]\d{9}$/;
const CALL_MEMORY_MS = 24 * 3600 * 1000;

export class SimulatorCarrier implements CarrierPort {
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly options: SimulatorOptions,
    readonly state: SimulatorState = newSimulatorState(),
  ) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((m) => console.warn(m));
    this.state.byClientRef ??= new Map(); // a state kept across a dev reload from before the field existed
  }

  servesRecordingsFrom(url: URL): boolean {
    return url.origin === new URL(this.options.publicBaseUrl).origin;
  }

  /** Starts the delivery loop (unref'd: it never keeps the process alive). Replaces a loop left by older code. */
  start(tickMs = 200) {
    if (this.state.timer) clearInterval(this.state.timer);
    this.state.timer = setInterval(() => void this.deliverDue().catch((e) => this.log(`[carrier-sim] ${e}`)), tickMs);
    this.state.timer.unref?.();
  }

  stop() {
    if (this.state.timer) clearInterval(this.state.timer);
    this.state.timer = null;
  }

  async createCall(input: CreateCallInput): Promise<{ carrierCallId: string; callerId: string }> {
    if (!MOBILE_RE.test(input.callee)) throw new CarrierRejected("invalidNumber", `号码格式不正确: ${input.callee}`);
    const known = this.state.calls.get(this.state.byClientRef.get(input.clientRef) ?? "");
    if (known) return { carrierCallId: known.plan.carrierCallId, callerId: known.plan.callerId };
    const now = this.now();
    this.state.accepts = this.state.accepts.filter((t) => t > now - 1000);
    if (this.state.accepts.length >= this.options.maxAcceptsPerSecond) throw new CarrierRejected("rateLimited", "呼叫频率超限");
    this.state.accepts.push(now);
    this.forgetOldCalls(now);

    const carrierCallId = `sim_${randomUUID().replace(/-/g, "").slice(0, 20)}`;
    const plan = planCall(input, carrierCallId);
    const wall = (simSeconds: number) => now + (simSeconds * 1000) / this.options.timeScale;
    const answered = plan.outcome === "answered";
    const call: SimCall = {
      plan,
      acceptedAt: now,
      answerAt: answered ? wall(plan.queueSeconds + plan.ringSeconds) : null,
      endAt: wall(plan.queueSeconds + plan.ringSeconds + plan.talkSeconds),
      known: [],
      cancelled: false,
      reorder: answered && this.options.tts !== null && this.roll(carrierCallId, "reorder", this.options.faults.reorder),
      aiVoice: input.script.voice
        ? { voiceKey: input.script.voice.key, speed: input.script.voice.speed, pitch: input.script.voice.pitch, volume: input.script.voice.volume }
        : { voiceKey: DEFAULT_VOICE_KEY, speed: 100, pitch: 50, volume: 100 },
      aiGender: input.script.voice?.gender,
    };
    this.state.calls.set(carrierCallId, call);
    this.state.byClientRef.set(input.clientRef, carrierCallId);

    this.publish(call, { ...wireHeader(call.plan, "ringing", wall(plan.queueSeconds)), event_type: "call_status", status: "RINGING" });
    if (call.answerAt !== null) {
      this.publish(call, { ...wireHeader(call.plan, "talking", call.answerAt), event_type: "call_status", status: "TALKING" });
    }
    if (answered && this.options.tts) {
      // The recording is spoken first: its measured line lengths time the transcript, then the record goes out.
      this.track(this.produceRecording(call));
    } else {
      this.publish(call, this.recordAt(call), { droppable: true });
    }
    return { carrierCallId, callerId: plan.callerId };
  }

  async cancelCall(carrierCallId: string): Promise<void> {
    const call = this.state.calls.get(carrierCallId);
    const now = this.now();
    // Too late: the callee already answered (or the call is over) — the cancel loses the race, as with real vendors.
    if (!call || call.cancelled || now >= (call.answerAt ?? call.endAt)) return;
    call.cancelled = true;
    call.known = call.known.filter((k) => k.availableAt <= now);
    this.state.outbox = this.state.outbox.filter((d) => d.carrierCallId !== carrierCallId || d.inFlight);
    const startAt = call.acceptedAt + (call.plan.queueSeconds * 1000) / this.options.timeScale;
    const rang = Math.max(0, Math.round(((now - startAt) * this.options.timeScale) / 1000));
    const plan: SimCallPlan = { ...call.plan, outcome: "failed", rawCode: RAW_CODES.cancelled, ringSeconds: rang, talkSeconds: 0, turns: [], rounds: 0, hangupBy: "system" };
    this.publish(call, { ...wireCallRecord(plan, new Date(Math.min(startAt, now)).toISOString(), now), event_id: `${carrierCallId}.cancelled` });
  }

  async findCallByClientRef(clientRef: string): Promise<{ carrierCallId: string; callerId: string } | null> {
    const call = this.state.calls.get(this.state.byClientRef.get(clientRef) ?? "");
    return call ? { carrierCallId: call.plan.carrierCallId, callerId: call.plan.callerId } : null;
  }

  /**
   * After a restart from saved state (the carrier service): a call whose record was never published (its recording was
   * being synthesised when the process died) gets its record now, without a recording.
   */
  resumeAfterRestart(): number {
    let resumed = 0;
    for (const call of this.state.calls.values()) {
      if (call.known.some((k) => k.wire.event_type === "call_record")) continue;
      this.publish(call, this.recordAt(call));
      resumed++;
    }
    return resumed;
  }

  async getCall(carrierCallId: string): Promise<CarrierEvent[] | null> {
    const call = this.state.calls.get(carrierCallId);
    if (!call) return null;
    const now = this.now();
    return call.known.filter((k) => k.availableAt <= now).map((k) => toCarrierEvent(k.wire));
  }

  async refreshRecording(carrierCallId: string): Promise<RecordingReady | null> {
    const meta = await this.options.storage.get(recordingMetaKey(carrierCallId));
    if (!meta) return null;
    const { clientRef, durationSeconds } = JSON.parse(meta.body.toString("utf8")) as RecordingMeta;
    const now = this.now();
    const expiresAt = now + this.options.recordingTtlSeconds * 1000;
    return {
      type: "recording.ready",
      eventId: `${carrierCallId}.recording.${now}`,
      occurredAt: new Date(now).toISOString(),
      carrierCallId,
      clientRef,
      url: recordingUrl(this.options.publicBaseUrl, this.options.secret, carrierCallId, expiresAt),
      expiresAt: new Date(expiresAt).toISOString(),
      format: "mp3",
      durationSeconds,
    };
  }

  parseCallback(headers: Headers, rawBody: string): CarrierEvent[] {
    verifySignature(this.options.secret, headers, rawBody, this.now());
    return parseWireBody(rawBody);
  }

  /** Sends every delivery that is due now; the timer calls this, tests call it directly. */
  deliverDue(): Promise<number> {
    return sendDue(this.state.outbox, {
      webhookUrl: this.options.webhookUrl,
      secret: this.options.secret,
      timeScale: this.options.timeScale,
      now: this.now,
      fetch: this.options.fetch ?? fetch,
      log: this.log,
    });
  }

  /** Resolves when background work (recording synthesis) has finished. */
  async settled(): Promise<void> {
    while (this.state.jobs.size > 0) await Promise.allSettled([...this.state.jobs]);
  }

  /** Makes an event known (for getCall) at its time and queues its push, with the configured faults. */
  private publish(call: SimCall, wire: WireEvent, opts: { droppable?: boolean; dueAt?: number } = {}) {
    const id = call.plan.carrierCallId;
    const at = opts.dueAt ?? Date.parse(wire.occurred_at);
    call.known.push({ wire, availableAt: at });
    const { faults } = this.options;
    if (opts.droppable && this.roll(id, `drop:${wire.event_id}`, faults.drop)) return;
    const batchable = this.roll(id, `batch:${wire.event_id}`, faults.batch);
    this.state.outbox.push({ id: randomUUID(), carrierCallId: id, wire, dueAt: at, tries: 0, batchable, inFlight: false });
    if (this.roll(id, `dup:${wire.event_id}`, faults.duplicate)) {
      const later = at + (1000 + stableUnit(wire.event_id, "dup-delay") * 2000) / this.options.timeScale;
      this.state.outbox.push({ id: randomUUID(), carrierCallId: id, wire, dueAt: later, tries: 0, batchable: !batchable, inFlight: false });
    }
  }

  /** The call record, pushed a moment after the call ends (the vendor's post-processing). */
  private recordAt(call: SimCall): WireCallRecord {
    const startAt = call.acceptedAt + (call.plan.queueSeconds * 1000) / this.options.timeScale;
    const postAt = call.endAt + (1000 + stableUnit(call.plan.carrierCallId, "post") * 1500) / this.options.timeScale;
    return wireCallRecord(call.plan, new Date(startAt).toISOString(), postAt);
  }

  private async produceRecording(call: SimCall) {
    const { plan } = call;
    let clips: Int16Array[];
    try {
      clips = await speakLines(this.options.tts!, plan.turns, callVoices(call.aiVoice, call.plan.callee, call.aiGender));
    } catch (error) {
      this.log(`[carrier-sim] recording for ${plan.carrierCallId} failed: ${(error as Error).message}`);
      this.publish(call, this.recordAt(call), { droppable: true });
      return;
    }
    if (call.cancelled) return;
    const timed = timeLines(plan.turns, plan.timingKey ?? plan.carrierCallId, { durations: clips.map(clipSeconds) });
    call.plan = { ...plan, turns: timed.turns, talkSeconds: timed.talkSeconds };
    call.endAt = call.answerAt! + (timed.talkSeconds * 1000) / this.options.timeScale;
    const record = this.recordAt(call);
    let rendered: Awaited<ReturnType<typeof mixRecording>>;
    try {
      rendered = await mixRecording(call.plan.turns, clips);
      await this.options.storage.put(recordingObjectKey(plan.carrierCallId), rendered.mp3, { contentType: "audio/mpeg" });
      const meta: RecordingMeta = { clientRef: plan.clientRef, durationSeconds: rendered.durationSeconds };
      await this.options.storage.put(recordingMetaKey(plan.carrierCallId), Buffer.from(JSON.stringify(meta)), { contentType: "application/json" });
    } catch (error) {
      this.log(`[carrier-sim] rendering or storing the recording of ${plan.carrierCallId} failed: ${(error as Error).message}`);
      this.publish(call, record, { droppable: true });
      return;
    }
    const readyAt = Math.max(this.now(), call.endAt + (2000 + stableUnit(plan.carrierCallId, "rec") * 3000) / this.options.timeScale);
    const expiresAt = readyAt + this.options.recordingTtlSeconds * 1000;
    this.publish(call, {
      ...wireHeader(call.plan, "recording", readyAt),
      event_type: "recording",
      recording_url: recordingUrl(this.options.publicBaseUrl, this.options.secret, plan.carrierCallId, expiresAt),
      expires_at: new Date(expiresAt).toISOString(),
      format: "mp3",
      duration: rendered.durationSeconds,
    });
    if (call.reorder) {
      this.publish(call, { ...record, occurred_at: new Date(readyAt + 1500 / this.options.timeScale).toISOString() }, { droppable: true });
    } else {
      this.publish(call, record, { droppable: true });
    }
  }

  private roll(carrierCallId: string, what: string, rate: number): boolean {
    return rate > 0 && stableUnit(carrierCallId, what) < rate;
  }

  private track(job: Promise<unknown>) {
    this.state.jobs.add(job);
    void job.finally(() => this.state.jobs.delete(job));
  }

  private forgetOldCalls(now: number) {
    if (this.state.calls.size < 5000) return;
    for (const [id, call] of this.state.calls) {
      if (call.endAt >= now - CALL_MEMORY_MS) continue;
      this.state.calls.delete(id);
      this.state.byClientRef.delete(call.plan.clientRef);
    }
  }
}
