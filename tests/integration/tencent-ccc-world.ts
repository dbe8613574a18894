import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { POST as webhook } from "@/app/api/carrier/webhook/route";
import { callEnded, callEndedPipeline } from "@/inngest/functions/call-ended";
import { recordingReady } from "@/inngest/functions/recording-ready";
import { setCarrierForTests } from "@/server/adapters/carrier";
import { TencentCccCarrier } from "@/server/adapters/carrier/tencent-ccc/tencent-ccc-carrier";
import { setStorageForTests } from "@/server/adapters/storage";
import { InProcessDriver } from "@/server/jobs/in-process-driver";
import { setJobDeps } from "@/server/jobs/job-deps";
import { startFakeTencent, type FakeTencent, type FakeTencentOptions } from "@/tests/fakes/tencent/fake-tencent";
import { MemoryStorage } from "@/tests/support/memory-storage";
import { useTempDataDir } from "./carrier-fixtures";
import { createDialerCompany } from "./dialer-fixtures";
import { testDb } from "./fixtures";

export interface TencentCccWorld {
  storage: MemoryStorage;
  driver: InProcessDriver;
  fake: FakeTencent;
  carrier: TencentCccCarrier;
  company: Awaited<ReturnType<typeof createDialerCompany>>;
  /** The status the app's webhook route answered each push with. */
  statuses: number[];
}

/**
 * The Tencent CCC path of one integration file, against the fake: the fake pushes to a loopback receiver that hands each
 * push to the app's own webhook route; the carrier adapter, storage and the in-process job driver are the app's, set for
 * the file and reset after it; a company of its own. Register at the top of a describe-less file (its hooks run first).
 */
export function setUpTencentCccWorld(o: {
  key: string;
  secretId: string;
  secretKey: string;
  sdkAppId: number;
  push: { username: string; password: string };
  ccc: Omit<FakeTencentOptions["ccc"], "sdkAppId" | "pushAuth" | "pushUrl">;
}): TencentCccWorld {
  const world = { storage: new MemoryStorage(), driver: new InProcessDriver([callEnded, callEndedPipeline, recordingReady], { log: () => undefined }), statuses: [] } as unknown as TencentCccWorld;
  let receiver: Server;
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    cleanUp = await useTempDataDir();
    setStorageForTests(world.storage);
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== "content-length").map(([k, v]) => [k, String(v)]));
        const answer = await webhook(new Request(`http://app.test${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }));
        world.statuses.push(answer.status);
        res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    const pushUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/carrier/webhook`;
    world.fake = await startFakeTencent({
      keys: { [o.secretId]: o.secretKey },
      ccc: { ...o.ccc, sdkAppId: o.sdkAppId, pushAuth: o.push, pushUrl },
      sms: { smsSdkAppId: "1", approvedTemplates: [] },
    });
    world.carrier = new TencentCccCarrier({
      client: { credential: { secretId: o.secretId, secretKey: o.secretKey }, region: "ap-guangzhou", profile: { httpProfile: { endpoint: world.fake.endpoint, protocol: "http://", reqTimeout: 10 } } },
      sdkAppId: o.sdkAppId,
      callers: ["02150000000"],
      llmType: "openai",
      llmApiUrl: "https://llm.example.com/v1",
      llmApiKey: "sk",
      voiceType: "ZhiMei",
      pushUsername: o.push.username,
      pushPassword: o.push.password,
    });
    (globalThis as unknown as { __zwJobDriver?: InProcessDriver }).__zwJobDriver = world.driver;
    setCarrierForTests(world.carrier);
    setJobDeps(async () => ({ db: testDb(), carrier: world.carrier, now: () => new Date(), workerId: o.key }));
    world.company = await createDialerCompany(o.key);
  });

  afterAll(async () => {
    (globalThis as unknown as { __zwJobDriver?: InProcessDriver }).__zwJobDriver = undefined;
    setCarrierForTests(undefined);
    setJobDeps(undefined);
    setStorageForTests(undefined);
    await world.fake?.close();
    await new Promise<void>((r) => receiver.close(() => r()));
    await cleanUp();
  });

  return world;
}
