import { beforeEach, describe, expect, it } from "vitest";
import { InvalidCallback, type CarrierEvent } from "@/server/ports/carrier";
import type { TtsPort } from "@/server/ports/tts";
import { silence } from "@/server/adapters/tts/audio";
import { MemoryStorage } from "@/tests/support/memory-storage";
import { signedHeaders } from "../webhook-signature";
import { callInput, numberWith } from "./fixtures.test-helpers";
import { checkRecordingLink } from "./recording-links";
import { SimulatorCarrier, type SimulatorFaults } from "./simulator-carrier";

const SECRET = "test-secret-0123456789abcdef";
const NO_FAULTS: SimulatorFaults = { duplicate: 0, reorder: 0, batch: 0, drop: 0 };
/** Real mp3 framing, silent speech: the mixing and encoding run, espeak does not. */
const silentTts: TtsPort = {
  synthesizePcm: async () => silence(22050, 0.5),
  synthesize: async () => ({ audio: new Uint8Array(), contentType: "audio/mpeg", durationSec: 0 }),
};

let now: number;
let posts: { headers: Headers; body: string }[];
let status: () => number;

function simulator(over: Partial<ConstructorParameters<typeof SimulatorCarrier>[0]> = {}) {
  return new SimulatorCarrier({
    webhookUrl: "http://app.test/api/carrier/webhook",
    publicBaseUrl: "http://app.test",
    secret: SECRET,
    timeScale: 1,
    faults: NO_FAULTS,
    storage: new MemoryStorage(),
    tts: silentTts,
    recordingTtlSeconds: 600,
    maxAcceptsPerSecond: 100,
    now: () => now,
    fetch: async (_url, init) => {
      posts.push({ headers: new Headers(init?.headers as Record<string, string>), body: String(init?.body) });
      return new Response("ok", { status: status() });
    },
    log: () => undefined,
    ...over,
  });
}

/** Moves the clock in steps, delivering what falls due (as the timer would). */
async function run(sim: SimulatorCarrier, seconds: number, stepMs = 250) {
  for (let t = 0; t < seconds * 1000; t += stepMs) {
    now += stepMs;
    await sim.settled();
    await sim.deliverDue();
  }
}

const received = (sim: SimulatorCarrier): CarrierEvent[] => posts.flatMap((p) => sim.parseCallback(p.headers, p.body));

beforeEach(() => {
  now = Date.parse("2026-11-24T02:00:00Z");
  posts = [];
  status = () => 200;
});

describe("SimulatorCarrier", () => {
  it("accepts, then pushes the call's progress, record and recording over signed HTTP", async () => {
    const sim = simulator();
    const callee = numberWith(0, "12");
    const { carrierCallId, callerId } = await sim.createCall(callInput(callee));
    expect(callerId).toMatch(/^1[3-9]\d{9}$/);
    await sim.deliverDue();
    expect(posts).toHaveLength(0); // accepting delivers nothing yet

    await run(sim, 180);
    const events = received(sim);
    expect(events.map((e) => e.type)).toEqual(["call.state", "call.state", "attempt.completed", "recording.ready"]);
    const done = events.find((e) => e.type === "attempt.completed")!;
    expect(done).toMatchObject({ carrierCallId, clientRef: `task-${callee}:1`, outcome: "answered", rawCode: "ANSWERED", callerId, hangupBy: "bot" });
    if (done.type !== "attempt.completed") throw new Error();
    expect(done.rounds).toBe(2);
    expect(done.turns[0]).toMatchObject({ speaker: "ai", text: expect.stringContaining("王女士") });
    expect(done.talkSeconds).toBeGreaterThan(done.turns.at(-1)!.at);
    // Timed by the synthesised audio (0.5 s per line here) plus a pause of 0.5–1.2 s.
    for (let i = 1; i < done.turns.length; i++) {
      const gap = done.turns[i]!.at - done.turns[i - 1]!.at;
      expect(gap).toBeGreaterThanOrEqual(0.9);
      expect(gap).toBeLessThanOrEqual(1.8);
    }
    expect(Date.parse(done.endedAt) - Date.parse(done.answeredAt!)).toBe(done.talkSeconds * 1000);

    const rec = events.find((e) => e.type === "recording.ready")!;
    if (rec.type !== "recording.ready") throw new Error();
    expect(rec.format).toBe("mp3");
    const url = new URL(rec.url);
    expect(url.pathname).toBe(`/api/carrier/sim/recordings/${carrierCallId}`);
    expect(checkRecordingLink(SECRET, carrierCallId, url.searchParams, now)).toBe("ok");
    expect(checkRecordingLink(SECRET, carrierCallId, url.searchParams, Date.parse(rec.expiresAt) + 1)).toBe("expired");
    expect(checkRecordingLink(SECRET, "sim_00000000000000000000", url.searchParams, now)).toBe("forbidden");
    now = Date.parse(rec.expiresAt) + 60_000;
    const fresh = await sim.refreshRecording(carrierCallId);
    expect(checkRecordingLink(SECRET, carrierCallId, new URL(fresh!.url).searchParams, now)).toBe("ok");
  });

  it("reports unanswered outcomes with the vendor's raw code and no recording", async () => {
    const sim = simulator();
    await sim.createCall(callInput(numberWith(0, "70")));
    await run(sim, 60);
    const events = received(sim);
    expect(events.map((e) => e.type)).toEqual(["call.state", "attempt.completed"]);
    expect(events[1]).toMatchObject({ outcome: "busy", rawCode: "USER_BUSY", answeredAt: null, talkSeconds: 0, turns: [], rounds: 0 });
  });

  it("compresses time by the configured scale", async () => {
    const sim = simulator({ timeScale: 60 });
    await sim.createCall(callInput(numberWith(0, "12")));
    await run(sim, 4, 50);
    expect(received(sim).some((e) => e.type === "attempt.completed")).toBe(true);
  });

  it("duplicates deliveries with the same event id", async () => {
    const sim = simulator({ faults: { ...NO_FAULTS, duplicate: 1 } });
    await sim.createCall(callInput(numberWith(0, "70")));
    await run(sim, 60);
    const ids = received(sim).map((e) => e.eventId);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(2);
  });

  it("can deliver the recording before the call record", async () => {
    const sim = simulator({ faults: { ...NO_FAULTS, reorder: 1 } });
    await sim.createCall(callInput(numberWith(0, "12")));
    await run(sim, 180);
    const types = received(sim).map((e) => e.type);
    expect(types.indexOf("recording.ready")).toBeLessThan(types.indexOf("attempt.completed"));
  });

  it("batches deliveries as JSON arrays", async () => {
    const sim = simulator({ faults: { ...NO_FAULTS, batch: 1 } });
    await sim.createCall(callInput(numberWith(0, "70")));
    await sim.createCall(callInput(numberWith(0, "71")));
    await run(sim, 60, 60_000);
    expect(posts.every((p) => p.body.startsWith("["))).toBe(true);
    expect(received(sim).filter((e) => e.type === "attempt.completed")).toHaveLength(2);
    expect(posts.some((p) => (JSON.parse(p.body) as unknown[]).length > 1)).toBe(true);
  });

  it("drops some call records, which only getCall (reconciliation) then finds", async () => {
    const sim = simulator({ faults: { ...NO_FAULTS, drop: 1 } });
    const { carrierCallId } = await sim.createCall(callInput(numberWith(0, "70")));
    expect(await sim.getCall(carrierCallId)).toEqual([]);
    await run(sim, 60);
    expect(received(sim).some((e) => e.type === "attempt.completed")).toBe(false);
    const known = await sim.getCall(carrierCallId);
    expect(known!.find((e) => e.type === "attempt.completed")).toMatchObject({ outcome: "busy" });
    expect(await sim.getCall("sim_ffffffffffffffffffff")).toBeNull();
  });

  it.each([1, 30])("retries with backoff in real seconds while our endpoint fails (time scale %i)", async (timeScale) => {
    const ringingTries: number[] = [];
    const sim = simulator({
      timeScale,
      fetch: async (_url, init) => {
        const ringing = String(init?.body).includes(".ringing");
        if (ringing) ringingTries.push(now);
        posts.push({ headers: new Headers(init?.headers as Record<string, string>), body: String(init?.body) });
        return new Response("", { status: ringing && ringingTries.length <= 2 ? 503 : 200 });
      },
    });
    await sim.createCall(callInput(numberWith(0, "70")));
    await run(sim, 60);
    // The first push fails, is retried 1 s later (fails again), then 2 s after that (succeeds) — whatever the clock's scale.
    expect(ringingTries).toHaveLength(3);
    expect(ringingTries[1]! - ringingTries[0]!).toBeGreaterThanOrEqual(1000);
    expect(ringingTries[2]! - ringingTries[1]!).toBeGreaterThanOrEqual(2000);
    expect(received(sim).some((e) => e.type === "attempt.completed")).toBe(true);
  });

  it("treats our clientRef as an idempotency key: a re-sent create returns the same call and dials no one again", async () => {
    const sim = simulator();
    const first = await sim.createCall(callInput(numberWith(0, "70"), "task-1:1"));
    const again = await sim.createCall(callInput(numberWith(0, "70"), "task-1:1"));
    const redial = await sim.createCall(callInput(numberWith(0, "70"), "task-1:2"));
    expect(again).toEqual(first);
    expect(redial.carrierCallId).not.toBe(first.carrierCallId);
    await run(sim, 120);
    const completed = received(sim).filter((e) => e.type === "attempt.completed");
    expect(completed.map((e) => e.carrierCallId).sort()).toEqual([first.carrierCallId, redial.carrierCallId].sort());
  });

  it("cancels a call that has not been answered, but not one in progress", async () => {
    const sim = simulator();
    const ringing = await sim.createCall(callInput(numberWith(0, "50")));
    await run(sim, 10);
    await sim.cancelCall(ringing.carrierCallId);
    await run(sim, 60);
    const done = received(sim).filter((e) => e.type === "attempt.completed");
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ outcome: "cancelled", rawCode: "CANCEL" });

    posts = [];
    const talking = await sim.createCall(callInput(numberWith(0, "12")));
    await run(sim, 20);
    await sim.cancelCall(talking.carrierCallId);
    await run(sim, 180);
    expect(received(sim).find((e) => e.type === "attempt.completed")).toMatchObject({ outcome: "answered" });
  });

  it("refuses malformed numbers and rate-limits createCall", async () => {
    const sim = simulator({ maxAcceptsPerSecond: 2 });
    await expect(sim.createCall(callInput("12345"))).rejects.toMatchObject({ reason: "invalidNumber" });
    await sim.createCall(callInput(numberWith(0, "12")));
    await sim.createCall(callInput(numberWith(0, "13")));
    await expect(sim.createCall(callInput(numberWith(0, "14")))).rejects.toMatchObject({ reason: "rateLimited" });
    now += 1001;
    await expect(sim.createCall(callInput(numberWith(0, "14")))).resolves.toBeTruthy();
  });

  it("rejects forged, unsigned and replayed deliveries", async () => {
    const sim = simulator();
    await sim.createCall(callInput(numberWith(0, "70")));
    await run(sim, 60);
    const { headers, body } = posts.at(-1)!;
    expect(sim.parseCallback(headers, body)).toHaveLength(1);
    expect(() => sim.parseCallback(headers, body.replace("USER_BUSY", "ANSWERED"))).toThrow(InvalidCallback);
    expect(() => sim.parseCallback(new Headers(signedHeaders("another-secret-0123456789", body, now)), body)).toThrow(InvalidCallback);
    expect(() => sim.parseCallback(new Headers({ "content-type": "application/json" }), body)).toThrow(InvalidCallback);
    now += 301_000;
    expect(() => sim.parseCallback(headers, body)).toThrow(/replay window/);
  });
});
