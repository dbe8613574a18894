import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentMp3 } from "@/prisma/seed/fixture-audio";
import { seedCallRecords } from "@/prisma/seed/seed-call-records";
import { fetchWebhookTransport } from "@/server/adapters/webhook/fetch-transport";
import { scopeOf } from "@/server/domain/auth/scope";
import type { Viewer } from "@/server/domain/auth/permissions";
import { loadViewer } from "@/server/services/auth/load-viewer";
import { deliverWebhook, retryDueWebhooks } from "@/server/services/webhooks/deliver-webhook";
import { emitCallEnded } from "@/server/services/webhooks/emit-webhook-event";
import { createWebhook, redeliverWebhook } from "@/server/services/webhooks/manage-webhooks";
import { MemoryStorage } from "../support/memory-storage";
import { testDb } from "./fixtures";
import { createDialerCompany, createPatients } from "./dialer-fixtures";

type Mode = "fail" | "slow" | "ok";
let mode: Mode = "fail";
let server: Server;
let url: string;
/** Every request the receiver answered 2xx, with whether its signature verified. */
const accepted: { delivery: string; event: string; callId: string; verified: boolean }[] = [];
let requests = 0;
let secret = "";
let companyId: string;
let admin: Viewer & { companyId: string };
let callIds: string[];
const TIMEOUT = 1_500;

function verify(headers: Record<string, string | string[] | undefined>, body: string) {
  // The receiver's side, as in docs/api.md: HMAC-SHA256 of "<timestamp>.<body>" with the endpoint's secret.
  const timestamp = String(headers["x-zw-timestamp"]);
  const expected = `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
  const given = String(headers["x-zw-signature"]);
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.url === "/warm") return void res.writeHead(204).end();
      requests += 1;
      if (mode === "fail") {
        res.writeHead(500).end("down");
      } else if (mode === "slow") {
        setTimeout(() => res.writeHead(200).end("late"), TIMEOUT * 3).unref();
      } else {
        const payload = JSON.parse(body) as { event: string; data: { id: string } };
        accepted.push({ delivery: String(req.headers["x-zw-delivery"]), event: payload.event, callId: payload.data.id, verified: verify(req.headers, body) });
        res.writeHead(204).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  // The first fetch of a process pays for loading the HTTP client; not what the timeouts below are about.
  await fetchWebhookTransport.post(url.replace("/hook", "/warm"), "{}", {}, 30_000);

  // A company of its own: other files share the database and change the seeded companies' patients and endpoints.
  const company = await createDialerCompany("webhooks");
  companyId = company.companyId;
  await createPatients(companyId, company.clinicIds[0]!, 10);
  admin = (await loadViewer(testDb(), company.admin.id)) as Viewer & { companyId: string };
  const records = await seedCallRecords(testDb(), {
    companyId,
    now: new Date(),
    scriptName: "Webhook 话术",
    patientCount: 10,
    createdById: company.admin.id,
    audio: { storage: new MemoryStorage(), synthesize: async () => silentMp3(1) },
  });
  callIds = records.callIds.slice(0, 3);
  expect(callIds).toHaveLength(3);
  const { id } = await createWebhook(testDb(), scopeOf(admin), admin, { url, events: ["call.ended"] }, fetchWebhookTransport);
  secret = (await testDb().webhookEndpoint.findUniqueOrThrow({ where: { id: id! } })).secret;
}, 120_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("webhooks out", () => {
  it("delivers every call.ended once, signed, through a receiver that fails, is slow, then recovers", async () => {
    const db = testDb();
    const t0 = new Date();
    const at = (ms: number) => new Date(t0.getTime() + ms);
    for (const id of callIds) expect(await emitCallEnded(db, id, t0)).toBe(1);
    expect(await emitCallEnded(db, callIds[0]!, t0)).toBe(0); // the same event again: no second delivery

    mode = "fail";
    expect(await retryDueWebhooks(db, fetchWebhookTransport, t0, 100, TIMEOUT)).toEqual({ due: 3, succeeded: 0 });
    const afterFail = await db.webhookDelivery.findMany({ where: { companyId, eventId: { in: callIds.map((c) => `call.ended:${c}`) } } });
    expect(afterFail.map((d) => [d.status, d.attempts, d.lastStatusCode, d.nextAttemptAt?.getTime()])).toEqual(callIds.map(() => ["pending", 1, 500, at(30_000).getTime()]));
    expect(await retryDueWebhooks(db, fetchWebhookTransport, at(10_000), 100, TIMEOUT)).toEqual({ due: 0, succeeded: 0 }); // backoff not over

    mode = "slow";
    expect(await retryDueWebhooks(db, fetchWebhookTransport, at(31_000), 100, TIMEOUT)).toEqual({ due: 3, succeeded: 0 });
    const afterSlow = await db.webhookDelivery.findFirstOrThrow({ where: { eventId: `call.ended:${callIds[0]}` } });
    expect([afterSlow.attempts, afterSlow.lastError]).toEqual([2, "超时（1.5 秒内无响应）"]);

    mode = "ok";
    expect(await retryDueWebhooks(db, fetchWebhookTransport, at(31_000 + 121_000), 100, TIMEOUT)).toEqual({ due: 3, succeeded: 3 });
    expect(await retryDueWebhooks(db, fetchWebhookTransport, at(3_600_000), 100, TIMEOUT)).toEqual({ due: 0, succeeded: 0 });
    expect(accepted.map((a) => a.callId).sort()).toEqual([...callIds].sort());
    expect(accepted.every((a) => a.verified && a.event === "call.ended")).toBe(true);
    expect(new Set(accepted.map((a) => a.delivery)).size).toBe(3);
    const done = await db.webhookDelivery.findMany({ where: { eventId: { in: callIds.map((c) => `call.ended:${c}`) } } });
    expect(done.every((d) => d.status === "succeeded" && d.attempts === 3 && d.lastStatusCode === 204 && d.lastLatencyMs !== null)).toBe(true);
    expect(requests).toBe(9);
  });

  it("重发 delivers a delivered event again; a signature with another secret does not verify", async () => {
    const db = testDb();
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { eventId: `call.ended:${callIds[0]}` } });
    await redeliverWebhook(db, scopeOf(admin), admin, { id: delivery.id });
    const before = accepted.length;
    expect((await deliverWebhook(db, fetchWebhookTransport, delivery.id, new Date(), TIMEOUT)).status).toBe("succeeded");
    expect(accepted.length).toBe(before + 1);
    expect(accepted.at(-1)).toMatchObject({ callId: callIds[0], verified: true });
    const realSecret = secret;
    secret = "whsec_wrong";
    await redeliverWebhook(db, scopeOf(admin), admin, { id: delivery.id });
    await deliverWebhook(db, fetchWebhookTransport, delivery.id, new Date(), TIMEOUT);
    expect(accepted.at(-1)!.verified).toBe(false);
    secret = realSecret;
  });

  it("gives up after 24 h of retries, and a receiver that is down does not slow the emitter", async () => {
    const db = testDb();
    const endpoint = await db.webhookEndpoint.create({ data: { companyId, url: "http://127.0.0.1:9/closed", secret: "whsec_x", events: ["call.ended"] } });
    const created = new Date(Date.now() - 24 * 3_600_000 + 60_000);
    const delivery = await db.webhookDelivery.create({
      data: { companyId, endpointId: endpoint.id, event: "call.ended", eventId: "old-event", payload: { id: "old-event" }, attempts: 8, nextAttemptAt: created, createdAt: created },
    });
    const r = await deliverWebhook(db, fetchWebhookTransport, delivery.id, new Date(), TIMEOUT);
    expect(r.status).toBe("failed");
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect([row.status, row.nextAttemptAt, row.lastError?.startsWith("连接失败")]).toEqual(["failed", null, true]);

    const started = performance.now();
    await db.call.update({ where: { id: callIds[1]! }, data: { summary: "再次" } });
    await emitCallEnded(db, callIds[2]!, new Date()); // already delivered to the first endpoint; queued for the closed one
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id, eventId: `call.ended:${callIds[2]}`, status: "pending" } })).toBe(1);
  });
});
