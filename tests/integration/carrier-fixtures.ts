import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { InProcessDriver } from "@/server/jobs/in-process-driver";
import { setJobDeps } from "@/server/jobs/job-deps";
import { setCarrierForTests } from "@/server/adapters/carrier";
import { serveSimulatorRecording } from "@/server/adapters/carrier/simulator/serve-recording";
import { matchDnc } from "@/server/domain/calling-policy";
import { SimulatorCarrier, type SimulatorFaults } from "@/server/adapters/carrier/simulator/simulator-carrier";
import { MARKETING_DIALOGUES } from "@/server/adapters/carrier/simulator/fixtures.test-helpers";
import { carrierWebhookSecret } from "@/server/env";
import type { TtsPort } from "@/server/ports/tts";
import { silence } from "@/server/adapters/tts/audio";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { callEnded, callEndedPipeline } from "@/inngest/functions/call-ended";
import { recordingReady } from "@/inngest/functions/recording-ready";
import { POST as webhook } from "@/app/api/carrier/webhook/route";
import { PLATFORM_DNC } from "../../prisma/seed/seed-platform";
import { testDb } from "./fixtures";

export const NO_FAULTS: SimulatorFaults = { duplicate: 0, reorder: 0, batch: 0, drop: 0 };

export const silentTts: TtsPort = {
  synthesizePcm: async () => silence(22050, 0.4),
  synthesize: async () => ({ audio: new Uint8Array(), contentType: "audio/mpeg", durationSec: 0 }),
};

/** The simulator's own object store lives under DATA_DIR/carrier-sim; each test file gets a temporary DATA_DIR. */
export async function useTempDataDir(): Promise<() => Promise<void>> {
  const before = process.env.DATA_DIR;
  const dir = await mkdtemp(path.join(tmpdir(), "zw-carrier-"));
  process.env.DATA_DIR = dir;
  return async () => {
    if (before === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = before;
    await rm(dir, { recursive: true, force: true });
  };
}

const dncEntries = PLATFORM_DNC.map((e) => ({ kind: e.kind, mobile: "mobile" in e ? e.mobile : null, pattern: "pattern" in e ? e.pattern : null }));

/** A fresh mobile whose simulator behaviour is forced (number-behaviour.ts): persona digit and outcome digits. */
export function simMobile(persona: number, lastTwo: string, redialAnswers = true): string {
  for (;;) {
    const middle = String(Math.floor(Math.random() * 10_000)).padStart(4, "0");
    const fourth = redialAnswers ? 2 * Math.floor(Math.random() * 5) : 2 * Math.floor(Math.random() * 5) + 1;
    const mobile = `137${middle}${fourth}${persona}${lastTwo}`;
    if (mobile.length === 11 && matchDnc(mobile, dncEntries) === null) return mobile;
  }
}

/** A marketing AI script with the simulator's sample dialogue and the company's approved hang-up SMS templates. */
export async function createSmsScript(companyId: string, clinicIds: string[], opts: { hangupSms?: boolean } = {}) {
  const db = testDb();
  const suffix = randomUUID().slice(0, 8);
  const templates = await db.smsTemplate.findMany({ where: { companyId, status: "approved" }, orderBy: { createdAt: "asc" } });
  const template = await db.scriptTemplate.create({
    data: {
      companyId,
      key: `carr-${suffix}`,
      kind: "ai",
      name: `外呼模拟模版${suffix}`,
      category: "marketing",
      paramSchema: [],
      scenarios: MARKETING_DIALOGUES.scenarios as object[],
      intents: MARKETING_DIALOGUES.intents as object[],
    },
  });
  return db.script.create({
    data: {
      companyId,
      name: `外呼模拟${suffix}`,
      kind: "ai",
      category: "marketing",
      templateId: template.id,
      preview: MARKETING_DIALOGUES as object,
      hangupSmsEnabled: opts.hangupSms ?? true,
      hangupSmsAnsweredTemplateId: templates[0]?.id ?? null,
      hangupSmsUnansweredTemplateId: templates[1]?.id ?? null,
      clinics: { create: clinicIds.map((clinicId) => ({ clinicId })) },
    },
  });
}

/**
 * The whole loop on a virtual clock: the simulator pushes signed deliveries into the real webhook route, whose jobs
 * run on an in-process driver with the call-ended and recording functions.
 */
export class CarrierHarness {
  now: number;
  readonly deliveries: { url: string; headers: Record<string, string>; body: string; status: number }[] = [];
  readonly sim: SimulatorCarrier;
  readonly driver = new InProcessDriver([callEnded, callEndedPipeline, recordingReady], { log: () => undefined });

  constructor(start: Date, faults: SimulatorFaults = NO_FAULTS, storage: ConstructorParameters<typeof SimulatorCarrier>[0]["storage"], tts: TtsPort = silentTts) {
    this.now = start.getTime();
    this.sim = new SimulatorCarrier({
      webhookUrl: "http://app.test/api/carrier/webhook",
      publicBaseUrl: "http://app.test",
      secret: carrierWebhookSecret(),
      timeScale: 1,
      faults,
      storage,
      tts,
      recordingTtlSeconds: 3600,
      maxAcceptsPerSecond: 1000,
      now: () => this.now,
      fetch: async (url, init) => {
        const headers = Object.fromEntries(new Headers(init?.headers as Record<string, string>));
        const body = String(init?.body);
        const res = await this.post(body, headers);
        this.deliveries.push({ url: String(url), headers, body, status: res.status });
        return res;
      },
      log: () => undefined,
    });
  }

  /** Makes this harness the process's carrier, job driver and job dependencies; recording links resolve in-process. */
  install() {
    const g = globalThis as unknown as { __zwJobDriver?: InProcessDriver };
    g.__zwJobDriver = this.driver;
    setCarrierForTests(this.sim);
    setJobDeps(async () => ({ db: testDb(), carrier: this.sim, now: () => new Date(this.now), workerId: "carr" }));
    const realFetch = globalThis.fetch;
    const prefix = "http://app.test/api/carrier/sim/recordings/";
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!url.startsWith(prefix)) return realFetch(input, init);
      const id = decodeURIComponent(url.slice(prefix.length).split("?")[0]!);
      // The simulator's download route, on the simulator's clock.
      return serveSimulatorRecording(id, new URL(url), this.now);
    }) as typeof fetch;
    return () => {
      g.__zwJobDriver = undefined;
      setCarrierForTests(undefined);
      setJobDeps(undefined);
      globalThis.fetch = realFetch;
    };
  }

  post(body: string, headers: Record<string, string>) {
    return webhook(new Request("http://app.test/api/carrier/webhook", { method: "POST", headers, body }));
  }

  /** Queues tasks for the patients, claims and places them with the simulator. */
  async dial(companyId: string, scriptId: string, patientIds: string[]) {
    const db = testDb();
    const at = new Date(this.now);
    await db.$transaction(async (tx) => {
      const script = (await loadScriptForTasks(tx, companyId, scriptId))!;
      await insertCallTasks(tx, { companyId, script, seeds: patientIds.map((patientId) => ({ patientId })), source: "batch", now: at });
    });
    return this.tick(companyId);
  }

  async tick(companyId: string) {
    const db = testDb();
    const tick = await runDialerTick(db, { now: new Date(this.now), workerId: "carr", companyId });
    const placed = [];
    for (const claim of tick.claimed) placed.push(await placeClaimedCall(db, this.sim, claim, new Date(this.now)));
    return placed;
  }

  /** Advances the virtual clock, delivering what falls due and letting the jobs finish. */
  async run(seconds: number, stepMs = 1000) {
    for (let t = 0; t < seconds * 1000; t += stepMs) {
      this.now += stepMs;
      await this.sim.settled();
      await this.sim.deliverDue();
      await this.driver.drain();
    }
  }
}
