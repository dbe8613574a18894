import { createHash } from "node:crypto";
import type { AttemptCompleted, BatchCreateItem, CarrierEvent, CarrierOutcome, CarrierPort, CreateCallInput, RecordingReady } from "../../server/ports/carrier";

/** Outcome shares (per number and attempt, deterministic): a realistic mix, every redial reason and the final ones. */
const OUTCOMES: [CarrierOutcome, number][] = [
  ["answered", 55],
  ["noAnswer", 15],
  ["busy", 8],
  ["rejected", 5],
  ["poweredOff", 5],
  ["emptyNumber", 4],
  ["suspended", 3],
  ["failed", 5],
];

const unit = (key: string) => createHash("sha1").update(key).digest().readUInt32BE(0) / 2 ** 32;

function pick(key: string): CarrierOutcome {
  let x = unit(key) * 100;
  for (const [outcome, weight] of OUTCOMES) {
    if ((x -= weight) < 0) return outcome;
  }
  return "failed";
}

/**
 * The bench's carrier: accepts at once and reports each attempt when its simulated call ends (queue + ring + talk on
 * the bench's clock). It never deduplicates our clientRef, so a second createCall for the same attempt would be a
 * second real call: `dialsPerRef` exposes any. It offers a batch create (createCalls), as the carrier simulator does.
 */
export class BenchCarrier implements CarrierPort {
  private readonly due: { at: number; result: AttemptCompleted }[] = [];
  readonly dialsPerRef = new Map<string, number>();
  private seq = 0;

  /** `prefix` keeps carrier call ids unique when several worker processes each run a carrier. */
  constructor(
    private readonly clock: () => Date,
    private readonly prefix = "bench",
  ) {}

  async createCall(input: CreateCallInput) {
    this.dialsPerRef.set(input.clientRef, (this.dialsPerRef.get(input.clientRef) ?? 0) + 1);
    const carrierCallId = `${this.prefix}_${++this.seq}`;
    const start = this.clock().getTime();
    const outcome = pick(`${input.callee}:${input.clientRef.split(":")[1]}`);
    const ring = outcome === "answered" ? 5 + Math.floor(unit(`${carrierCallId}r`) * 20) : 30;
    const talk = outcome === "answered" ? 20 + Math.floor(unit(`${carrierCallId}t`) * 180) : 0;
    const rounds = outcome === "answered" ? 1 + Math.floor(unit(`${carrierCallId}n`) * 6) : 0;
    const queue = 2;
    const answeredAt = outcome === "answered" ? start + (queue + ring) * 1000 : null;
    const endedAt = start + (queue + ring + talk) * 1000;
    this.due.push({
      at: endedAt,
      result: {
        type: "attempt.completed",
        eventId: `${carrierCallId}.done`,
        occurredAt: new Date(endedAt).toISOString(),
        carrierCallId,
        clientRef: input.clientRef,
        outcome,
        rawCode: outcome,
        callerId: "13800000000",
        dialedAt: new Date(start).toISOString(),
        answeredAt: answeredAt ? new Date(answeredAt).toISOString() : null,
        endedAt: new Date(endedAt).toISOString(),
        ringSeconds: ring,
        talkSeconds: talk,
        hangupBy: "callee",
        turns: [],
        rounds,
      },
    });
    return { carrierCallId, callerId: "13800000000" };
  }

  async createCalls(inputs: CreateCallInput[]): Promise<BatchCreateItem[]> {
    const out: BatchCreateItem[] = [];
    for (const input of inputs) out.push({ ok: true, ...(await this.createCall(input)) });
    return out;
  }

  /** Results whose calls have ended by `now`, oldest first. */
  takeDue(now: Date): AttemptCompleted[] {
    const t = now.getTime();
    const ready = this.due.filter((d) => d.at <= t).sort((a, b) => a.at - b.at);
    if (ready.length) {
      const keep = this.due.filter((d) => d.at > t);
      this.due.length = 0;
      this.due.push(...keep);
    }
    return ready.map((d) => d.result);
  }

  get inFlight() {
    return this.due.length;
  }

  async cancelCall() {}
  async getCall(): Promise<CarrierEvent[] | null> {
    return null;
  }
  servesRecordingsFrom(): boolean {
    return false;
  }
  async refreshRecording(): Promise<RecordingReady | null> {
    return null;
  }
  parseCallback(): CarrierEvent[] {
    return [];
  }
}
